package dev.lockbox.audit;

import static dev.lockbox.audit.AuditAction.ANSWER_QUESTION;
import static dev.lockbox.audit.AuditAction.APPROVE;
import static dev.lockbox.audit.AuditAction.APPROVE_EXTENSION;
import static dev.lockbox.audit.AuditAction.APPROVE_INTERNAL_REVIEW;
import static dev.lockbox.audit.AuditAction.ASK_QUESTION;
import static dev.lockbox.audit.AuditAction.CANCEL;
import static dev.lockbox.audit.AuditAction.CREATE;
import static dev.lockbox.audit.AuditAction.DECLARE_BREAK_GLASS;
import static dev.lockbox.audit.AuditAction.DENY;
import static dev.lockbox.audit.AuditAction.DENY_EXTENSION;
import static dev.lockbox.audit.AuditAction.EVALUATE_JIT;
import static dev.lockbox.audit.AuditAction.EXPIRE;
import static dev.lockbox.audit.AuditAction.EXTEND;
import static dev.lockbox.audit.AuditAction.GRANT;
import static dev.lockbox.audit.AuditAction.RECORD_APPROVAL;
import static dev.lockbox.audit.AuditAction.REJECT;
import static dev.lockbox.audit.AuditAction.REQUEST_EXTENSION;
import static dev.lockbox.audit.AuditAction.REQUEST_INTERNAL_REVIEW;
import static dev.lockbox.audit.AuditAction.REVOKE;
import static dev.lockbox.workflows.model.LockboxStatus.ACCESS_GRANTED;
import static dev.lockbox.workflows.model.LockboxStatus.APPROVED;
import static dev.lockbox.workflows.model.LockboxStatus.CANCELED;
import static dev.lockbox.workflows.model.LockboxStatus.DENIED;
import static dev.lockbox.workflows.model.LockboxStatus.EXPIRED;
import static dev.lockbox.workflows.model.LockboxStatus.INTERNAL_REVIEW;
import static dev.lockbox.workflows.model.LockboxStatus.REJECTED;

import dev.lockbox.workflows.LockboxWorkflow;
import dev.lockbox.workflows.activities.AccessActivities;
import dev.lockbox.workflows.activities.PolicyActivities;
import java.util.Map;
import java.util.Optional;

/**
 * The one table from history to audit events. A new lifecycle path is one line here (for example
 * {@code status(INTERNAL_REVIEW)} or {@code activityCompleted(NOTIFY_REQUESTER)}); a history event
 * with no line is not an audit event and is skipped.
 *
 * <p>Decisions are read at the status change they caused, attributed to the Update that carried
 * them: the status is what happened (the race rule of the approval window decides between a late
 * decision and the expiry timer), the Update says who did it.
 */
final class AuditRules {

  /**
   * How an event is attributed, given what the trail has read so far and the event itself; null
   * when this occurrence is not an audit event.
   */
  interface Attributor {
    Attribution attribute(TrailContext trail, Fired fired);
  }

  record Rule(AuditAction action, Attributor attributor) {}

  private static final Map<Trigger, Rule> TABLE =
      Map.ofEntries(
          row(Trigger.started(), CREATE, (t, f) -> t.byRequester()),
          row(
              Trigger.activityCompleted(PolicyActivities.EVALUATE_REQUEST),
              EVALUATE_JIT,
              (t, f) -> t.jitEvaluated(f.result())),
          row(
              Trigger.activityFailed(PolicyActivities.EVALUATE_REQUEST),
              EVALUATE_JIT,
              (t, f) -> TrailContext.policyUnavailable(f.failure())),
          row(Trigger.status(REJECTED), REJECT, (t, f) -> t.rejected()),
          row(
              Trigger.status(INTERNAL_REVIEW),
              REQUEST_INTERNAL_REVIEW,
              (t, f) -> t.internalReviewAsked()),
          row(
              Trigger.update(LockboxWorkflow.INTERNAL_APPROVE),
              APPROVE_INTERNAL_REVIEW,
              (t, f) -> t.decidedBy("internally approved", LockboxWorkflow.INTERNAL_APPROVE)),
          row(
              Trigger.update(LockboxWorkflow.APPROVE),
              RECORD_APPROVAL,
              (t, f) -> t.approvalCounted()),
          row(Trigger.status(APPROVED), APPROVE, (t, f) -> t.approved()),
          row(
              Trigger.status(DENIED),
              DENY,
              (t, f) -> t.decidedBy("denied", LockboxWorkflow.DENY, LockboxWorkflow.INTERNAL_DENY)),
          row(Trigger.status(EXPIRED), EXPIRE, (t, f) -> t.expired()),
          row(
              Trigger.status(CANCELED),
              CANCEL,
              (t, f) -> t.decidedBy("canceled", LockboxWorkflow.CANCEL)),
          row(
              Trigger.status(ACCESS_GRANTED),
              DECLARE_BREAK_GLASS,
              (t, f) -> t.breakGlassDeclared()),
          row(
              Trigger.activityCompleted(AccessActivities.GRANT_ACCESS),
              GRANT,
              (t, f) -> t.granted(f.input())),
          row(
              Trigger.update(LockboxWorkflow.ASK_QUESTION),
              ASK_QUESTION,
              (t, f) -> t.conversation().asked()),
          row(
              Trigger.update(LockboxWorkflow.ANSWER_QUESTION),
              ANSWER_QUESTION,
              (t, f) -> t.conversation().answered()),
          row(
              Trigger.update(LockboxWorkflow.REQUEST_EXTENSION),
              REQUEST_EXTENSION,
              (t, f) -> t.conversation().extensionRequested()),
          row(
              Trigger.update(LockboxWorkflow.APPROVE_EXTENSION),
              APPROVE_EXTENSION,
              (t, f) -> t.conversation().extensionDecided()),
          row(
              Trigger.update(LockboxWorkflow.DENY_EXTENSION),
              DENY_EXTENSION,
              (t, f) -> t.conversation().extensionDecided()),
          row(
              Trigger.activityCompleted(AccessActivities.EXTEND_ACCESS),
              EXTEND,
              (t, f) -> ConversationTrail.extended(f.input())),
          row(
              Trigger.activityCompleted(AccessActivities.REVOKE_ACCESS),
              REVOKE,
              (t, f) -> t.decidedBy("the access window ended", LockboxWorkflow.REVOKE)));

  private AuditRules() {}

  static Optional<Rule> ruleFor(Trigger trigger) {
    return Optional.ofNullable(TABLE.get(trigger));
  }

  private static Map.Entry<Trigger, Rule> row(
      Trigger trigger, AuditAction action, Attributor attributor) {
    return Map.entry(trigger, new Rule(action, attributor));
  }
}
