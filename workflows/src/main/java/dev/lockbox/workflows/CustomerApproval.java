package dev.lockbox.workflows;

import static dev.lockbox.workflows.model.LockboxStatus.APPROVED;
import static dev.lockbox.workflows.model.LockboxStatus.CANCELED;
import static dev.lockbox.workflows.model.LockboxStatus.DENIED;
import static dev.lockbox.workflows.model.LockboxStatus.EXPIRED;
import static dev.lockbox.workflows.model.LockboxStatus.PENDING;
import static dev.lockbox.workflows.model.LockboxStatus.REJECTED;

import dev.lockbox.workflows.RequestContext.Due;
import dev.lockbox.workflows.activities.NoticeKind;
import dev.lockbox.workflows.model.Decision;
import dev.lockbox.workflows.model.DecisionKind;
import dev.lockbox.workflows.model.DecisionRecord;
import dev.lockbox.workflows.model.LockboxRequest;
import dev.lockbox.workflows.model.LockboxState;
import dev.lockbox.workflows.model.LockboxStatus;
import io.temporal.workflow.CancellationScope;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;

/**
 * The customer's decision under the approval window, with one reminder before expiry.
 *
 * <p>Race rule: a decision the workflow has accepted before it processes the expiry timer wins,
 * even when both land in the same workflow task; once the timer has fired, validators refuse every
 * decision with the status {@code EXPIRED}. The timers live in a cancellation scope that is
 * cancelled on a decision, so no expiry timer fires days later into the history; a decision taken
 * within {@link RequestContext#TIMER_STOP_MARGIN} of a deadline leaves the timers to fire unheeded
 * (see {@link RequestContext#stopTimers}).
 */
final class CustomerApproval {

  private final RequestContext context;
  private final RequestRecord record;
  private final Quorum quorum;
  private Promise<Void> approvalTimer;
  private Promise<Void> reminderTimer;
  private Instant reminderAt;
  private boolean reminded;

  CustomerApproval(RequestContext context) {
    this.context = context;
    this.record = context.record;
    this.quorum = new Quorum(record, record.round);
  }

  /**
   * Asks the tenant's approvers and waits for their decision under the approval window. Returns
   * true when the customer approved; otherwise the request has reached its final status.
   */
  boolean awaitDecision() {
    LockboxRequest request = record.request;
    String unapprovable = findApprovers();
    if (unapprovable != null) {
      record.jit = record.jit.rejectedBecause(unapprovable);
      context.moveTo(REJECTED);
      return false;
    }
    record.expiresAt = RequestContext.now().plus(request.approvalWindow());
    CancellationScope window = context.startTimers(this::startTimers);
    context.moveTo(PENDING);
    context.tellApprovers(NoticeKind.APPROVAL_REQUESTED);
    awaitDecisionOrExpiry();
    if (record.decision == null) {
      // Recorded at the deadline itself, not at the (slightly later) task that saw the timer.
      record.decision =
          DecisionRecord.bySystem(DecisionKind.EXPIRE, "approval window elapsed", record.expiresAt);
      context.moveTo(EXPIRED);
      context.tellRequester(NoticeKind.EXPIRED, record.decision);
      return false;
    }
    context.stopTimers(
        window, new Due(approvalTimer, record.expiresAt), new Due(reminderTimer, reminderAt));
    return act(record.decision);
  }

  /**
   * Snapshots who may approve (from {@link Features#APPROVAL_LEVELS} on, level by level); returns
   * why nobody could ever approve the request, or null.
   */
  private String findApprovers() {
    if (context.features().approvalLevels()) {
      quorum.start(context.findApprovalLevels());
    } else {
      record.approvers = context.findApprovers();
    }
    if (record.approvers.isEmpty()) {
      return "the subscription has no designated Lockbox approver";
    }
    return record.round.hasLevels() ? quorum.shortfall() : null;
  }

  /** Validates an approval: with approval levels, against the level that waits now. */
  void validateApprove(Decision decision) {
    if (record.round.hasLevels()) {
      quorum.validate(decision);
      quorum.requireShorterOrEqual(decision.approvedDuration());
    } else {
      Validators.requireApprover(record, decision);
      Validators.requireNoApprovedDuration(decision);
    }
  }

  /**
   * Counts an approval. The one that completes the last level decides and returns, as any approval
   * does from {@link Features#APPROVAL_ANSWERS_ONCE_GRANTED} on, once the request has come to rest
   * (granted); one that completes an earlier level returns once the next level has been asked; any
   * other returns at once, the request still PENDING.
   */
  LockboxState approve(Decision decision) {
    LockboxStatus before = record.status;
    int level = record.round.level;
    narrow(decision.approvedDuration());
    if (quorum.count(decision, RequestContext.now())) {
      record.decision = quorum.lastApproval();
      boolean untilSettled = context.features().approvalAnswersOnceGranted();
      Workflow.await(() -> record.status != before && (!untilSettled || record.status.settled()));
    } else if (quorum.nextLevelDue()) {
      Workflow.await(() -> record.round.level != level || record.status != before);
    }
    return record.snapshot();
  }

  /** The shortest duration any approver approved is the one granted. */
  private void narrow(Duration approved) {
    if (approved != null
        && approved.compareTo(record.request.accessDuration()) < 0
        && (record.approvedDuration == null || approved.compareTo(record.approvedDuration) < 0)) {
      record.approvedDuration = approved;
    }
  }

  private boolean act(DecisionRecord decision) {
    switch (decision.kind()) {
      case APPROVE -> {
        context.moveTo(APPROVED);
        return true;
      }
      case DENY -> {
        context.moveTo(DENIED);
        context.tellRequester(NoticeKind.DENIED, decision);
        return false;
      }
      default -> {
        context.moveTo(CANCELED);
        return false;
      }
    }
  }

  private void startTimers() {
    Duration window = record.request.approvalWindow();
    approvalTimer = RequestContext.timer(window, "approval window");
    Duration reminder = record.request.reminderBeforeExpiry();
    if (context.features().notices() && reminder != null && window.compareTo(reminder) > 0) {
      reminderTimer = RequestContext.timer(window.minus(reminder), "reminder before expiry");
      reminderAt = record.expiresAt.minus(reminder);
    }
  }

  /**
   * Waits for a decision or the expiry; asks each approval level in turn and reminds the approvers
   * of the level that waits once on the way.
   */
  private void awaitDecisionOrExpiry() {
    while (true) {
      Workflow.await(
          () ->
              record.decision != null
                  || approvalTimer.isCompleted()
                  || reminderDue()
                  || quorum.nextLevelDue());
      if (record.decision != null || approvalTimer.isCompleted()) {
        return;
      }
      if (quorum.nextLevelDue()) {
        quorum.nextLevel(); // the next level's approvers are asked under the same window
        context.tellApprovers(NoticeKind.APPROVAL_REQUESTED);
        continue;
      }
      reminded = true;
      context.tellApprovers(NoticeKind.REMINDER);
    }
  }

  private boolean reminderDue() {
    return reminderTimer != null && reminderTimer.isCompleted() && !reminded;
  }

  /** Whether the approval timer has fired: the request expires whatever the status says yet. */
  boolean windowElapsed() {
    return approvalTimer != null && approvalTimer.isCompleted();
  }
}
