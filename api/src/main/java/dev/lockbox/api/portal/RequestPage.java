package dev.lockbox.api.portal;

import dev.lockbox.directory.Directory;
import dev.lockbox.directory.DirectoryUser;
import dev.lockbox.text.HumanText;
import dev.lockbox.workflows.model.DecisionRecord;
import dev.lockbox.workflows.model.LockboxRequest;
import dev.lockbox.workflows.model.LockboxState;
import dev.lockbox.workflows.model.LockboxStatus;
import java.time.Duration;
import java.time.Instant;
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
    boolean canRevoke,
    boolean canCancel,
    Instant now) {

  /** What the viewer may do by hand; each is offered only while the request's status allows it. */
  record Permissions(boolean decide, boolean revoke, boolean cancel) {
    static final Permissions NONE = new Permissions(false, false, false);
  }

  static RequestPage of(LockboxState state, Directory directory, Permissions may, Instant now) {
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
        Timeline.of(state),
        may.decide() && pending,
        may.revoke() && granted,
        may.cancel() && pending,
        now);
  }

  public LockboxRequest request() {
    return state.request();
  }

  public String status() {
    return state.status().name();
  }

  public boolean pending() {
    return state.status() == LockboxStatus.PENDING;
  }

  public String duration() {
    return HumanText.duration(state.request().accessDuration());
  }

  public String created() {
    return HumanText.time(state.createdAt());
  }

  public String expires() {
    return HumanText.time(state.expiresAt());
  }

  public String timeLeft() {
    return state.expiresAt() == null
        ? ""
        : HumanText.duration(Duration.between(now, state.expiresAt()));
  }

  public String accessFrom() {
    return HumanText.time(state.accessGrantedAt());
  }

  public String accessUntil() {
    return HumanText.time(state.accessExpiresAt());
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
        ? "expired at " + HumanText.time(d.at()) + " without a decision"
        : verb + " by " + d.actor() + " at " + HumanText.time(d.at());
  }
}
