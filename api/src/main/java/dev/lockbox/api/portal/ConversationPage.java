package dev.lockbox.api.portal;

import dev.lockbox.directory.DirectoryUser;
import dev.lockbox.text.HumanText;
import dev.lockbox.workflows.model.ApprovalProgress;
import dev.lockbox.workflows.model.Extension;
import dev.lockbox.workflows.model.ExtensionStatus;
import dev.lockbox.workflows.model.LockboxState;
import dev.lockbox.workflows.model.LockboxStatus;
import dev.lockbox.workflows.model.Question;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

/**
 * The request page's questions and extensions, with the forms this viewer may use: approvers ask
 * while the request waits, the engineer answers; the engineer asks for more time while access is
 * granted, the approvers of the level that waits decide. The workflow checks each again.
 */
record ConversationPage(
    List<QuestionRow> questions,
    boolean canAsk,
    List<ExtensionRow> extensions,
    boolean canRequestExtension,
    List<DurationChoice> extensionChoices,
    String extensionAllowance) {

  private static final List<Duration> MORE =
      List.of(
          Duration.ofMinutes(30),
          Duration.ofHours(1),
          Duration.ofHours(2),
          Duration.ofHours(4),
          Duration.ofHours(8));

  record QuestionRow(
      String id,
      String askedBy,
      String askedAt,
      String text,
      String answer,
      String answeredAt,
      boolean canAnswer) {}

  record ExtensionRow(
      String id,
      String more,
      String reason,
      String status,
      String requestedAt,
      String decideBefore,
      String outcome,
      boolean canDecide) {}

  static ConversationPage of(LockboxState state, DirectoryUser viewer, ZoneId zone) {
    boolean requester = state.request().requester().equals(viewer.id());
    boolean pending = state.status() == LockboxStatus.PENDING;
    boolean granted = state.status() == LockboxStatus.ACCESS_GRANTED;
    boolean approver = !requester && state.approvers().contains(viewer.id());
    boolean extensionWaits =
        state.extensions().stream().anyMatch(e -> e.status() == ExtensionStatus.PENDING);
    Duration cap = cap(state);
    Duration left = cap.minus(approvedExtensions(state));
    List<DurationChoice> choices =
        MORE.stream()
            .filter(d -> d.compareTo(left) <= 0)
            .map(d -> new DurationChoice(d.toString(), HumanText.duration(d) + " more"))
            .toList();
    return new ConversationPage(
        state.questions().stream().map(q -> row(q, requester && pending, zone)).toList(),
        approver && pending,
        state.extensions().stream().map(e -> row(e, viewer, requester, granted, zone)).toList(),
        requester && granted && state.approval() != null && !extensionWaits && !choices.isEmpty(),
        choices,
        allowance(cap, left));
  }

  /** The policy's cap on all extensions of the request; none for requests made before them. */
  private static Duration cap(LockboxState state) {
    Duration cap = state.jit() == null ? null : state.jit().maxTotalExtension();
    return cap == null ? Duration.ZERO : cap;
  }

  private static Duration approvedExtensions(LockboxState state) {
    return state.extensions().stream()
        .filter(e -> e.status() == ExtensionStatus.APPROVED)
        .map(Extension::duration)
        .reduce(Duration.ZERO, Duration::plus);
  }

  /** E.g. "Up to 22 hours more (the policy allows 1 day of extensions in all)." */
  private static String allowance(Duration cap, Duration left) {
    String all = "the policy allows " + HumanText.duration(cap) + " of extensions in all";
    return left.isZero() || left.isNegative()
        ? "No more time can be asked: " + all + "."
        : "Up to " + HumanText.duration(left) + " more (" + all + ").";
  }

  public boolean shown() {
    return canAsk || canRequestExtension || !questions.isEmpty() || !extensions.isEmpty();
  }

  private static QuestionRow row(Question q, boolean mayAnswer, ZoneId zone) {
    return new QuestionRow(
        q.id(),
        q.askedBy(),
        HumanText.time(q.askedAt(), zone),
        q.text(),
        q.answer(),
        q.answeredAt() == null ? null : HumanText.time(q.answeredAt(), zone),
        mayAnswer && !q.answered());
  }

  private static ExtensionRow row(
      Extension e, DirectoryUser viewer, boolean requester, boolean granted, ZoneId zone) {
    return new ExtensionRow(
        e.id(),
        HumanText.duration(e.duration()),
        e.reason(),
        e.status().name(),
        HumanText.time(e.requestedAt(), zone),
        HumanText.time(e.expiresAt(), zone),
        outcome(e, zone),
        granted && !requester && e.status() == ExtensionStatus.PENDING && decidesNow(e, viewer));
  }

  /** Of the level that waits, and not counted yet. */
  private static boolean decidesNow(Extension e, DirectoryUser viewer) {
    ApprovalProgress approval = e.approval();
    return approval != null
        && !approval.approvedBy(viewer.id())
        && approval.levels().get(approval.currentLevel() - 1).approvers().contains(viewer.id());
  }

  private static String outcome(Extension e, ZoneId zone) {
    if (e.status() == ExtensionStatus.APPROVED) {
      return "access now until " + HumanText.time(e.accessExpiresAt(), zone);
    }
    if (e.decision() == null) {
      return "";
    }
    String comment = e.decision().comment();
    return "by "
        + e.decision().actor()
        + (comment == null || comment.isBlank() ? "" : ": " + comment);
  }
}
