package dev.lockbox.api.portal;

import dev.lockbox.directory.Directory;
import dev.lockbox.directory.DirectoryUser;
import dev.lockbox.text.HumanText;
import dev.lockbox.workflows.model.ApprovalProgress;
import dev.lockbox.workflows.model.DecisionRecord;
import dev.lockbox.workflows.model.LockboxRequest;
import dev.lockbox.workflows.model.LockboxState;
import dev.lockbox.workflows.model.LockboxStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * A request as the portal shows it. There is no ticket system yet: the support ticket is its id,
 * and its summary is the engineer's justification.
 */
record RequestPage(
    LockboxState state,
    String engineer,
    List<String> reasons,
    List<TimelineEvent> timeline,
    boolean canDecide,
    boolean canApprove,
    boolean youApproved,
    List<DurationChoice> durations,
    boolean canRevoke,
    boolean canCancel,
    Instant now,
    ZoneId zone) {

  /**
   * What the viewer may do by hand; each is offered only while the request's status allows it.
   *
   * @param decide deny (and approve, unless {@code approve} says otherwise)
   * @param approve approve now: at the level that waits, and not approved already
   * @param approved the viewer's approval is already counted
   */
  record Permissions(
      boolean decide, boolean approve, boolean approved, boolean revoke, boolean cancel) {
    static final Permissions NONE = new Permissions(false, false, false, false, false);
  }

  static RequestPage of(
      LockboxState state,
      Directory directory,
      Permissions may,
      List<DurationChoice> durations,
      Instant now,
      ZoneId zone) {
    String requester = state.request().requester();
    String engineer =
        directory
            .user(requester)
            .map(DirectoryUser::displayName)
            .map(n -> n + " (" + requester + ")")
            .orElse(requester);
    List<String> reasons = state.jit() == null ? List.of() : state.jit().reasons();
    boolean pending = state.status() == LockboxStatus.PENDING;
    boolean granted = state.status() == LockboxStatus.ACCESS_GRANTED;
    return new RequestPage(
        state,
        engineer,
        reasons,
        Timeline.of(state, zone),
        may.decide() && pending && !may.approved(),
        may.approve() && pending,
        may.approved() && pending,
        durations,
        may.revoke() && granted,
        may.cancel() && pending,
        now,
        zone);
  }

  public LockboxRequest request() {
    return state.request();
  }

  public String status() {
    return state.status().name();
  }

  /**
   * Emergency access the engineer declared: granted at once, nobody asked, the approvers told
   * afterwards.
   */
  public boolean breakGlass() {
    return state.request().breakGlass();
  }

  public boolean pending() {
    return state.status() == LockboxStatus.PENDING;
  }

  public String duration() {
    return HumanText.duration(state.request().accessDuration());
  }

  /**
   * "1 of 2 approvals so far: northwind-owner (1 hour)" for a request that needs several approvals;
   * empty for one that one approval decides.
   */
  public String approvalProgress() {
    ApprovalProgress a = state.approval();
    if (a == null || a.approvalsNeeded() <= 1) {
      return "";
    }
    StringBuilder text =
        new StringBuilder()
            .append(a.approvals().size())
            .append(" of ")
            .append(a.approvalsNeeded())
            .append(" approvals");
    if (pending()) {
      text.append(" so far");
      if (a.levels().size() > 1) {
        text.append("; level ").append(a.currentLevel()).append(" of ").append(a.levels().size());
        text.append(" waits for ")
            .append(String.join(", ", a.levels().get(a.currentLevel() - 1).approvers()));
      }
    }
    if (!a.approvals().isEmpty()) {
      text.append(": ")
          .append(
              a.approvals().stream()
                  .map(d -> d.actor() + narrowedBy(d))
                  .collect(java.util.stream.Collectors.joining(", ")));
    }
    return text.toString();
  }

  private static String narrowedBy(DecisionRecord d) {
    return d.approvedDuration() == null
        ? ""
        : " (for " + HumanText.duration(d.approvedDuration()) + ")";
  }

  /** "2 hours (8 hours asked)" once an approver shortened the access; empty otherwise. */
  public String approvedFor() {
    ApprovalProgress a = state.approval();
    if (a == null || a.approvedDuration() == null) {
      return "";
    }
    return HumanText.duration(a.approvedDuration())
        + " ("
        + HumanText.duration(state.request().accessDuration())
        + " asked)";
  }

  public String created() {
    return HumanText.time(state.createdAt(), zone);
  }

  public String expires() {
    return HumanText.time(state.expiresAt(), zone);
  }

  public String timeLeft() {
    return state.expiresAt() == null
        ? ""
        : HumanText.duration(Duration.between(now, state.expiresAt()));
  }

  public String accessFrom() {
    return HumanText.time(state.accessGrantedAt(), zone);
  }

  public String accessUntil() {
    return HumanText.time(state.accessExpiresAt(), zone);
  }

  /** "approved by contoso-owner (PORTAL) at …", or empty while nobody decided. */
  public String decidedBy() {
    DecisionRecord d = state.decision();
    if (d == null) {
      return "";
    }
    String verb =
        switch (d.kind()) {
          case APPROVE -> "approved";
          case DENY -> "denied";
          case CANCEL -> "canceled";
          case REVOKE -> "revoked";
          case EXPIRE -> "expired";
          case INTERNAL_APPROVE -> "approved in internal review";
          case INTERNAL_DENY -> "denied in internal review";
          case INTERNAL_EXPIRE -> "expired in internal review";
        };
    return d.kind() == dev.lockbox.workflows.model.DecisionKind.EXPIRE
        ? "expired at " + HumanText.time(d.at(), zone) + " without a decision"
        : verb + " by " + d.actor() + " at " + HumanText.time(d.at(), zone);
  }
}
