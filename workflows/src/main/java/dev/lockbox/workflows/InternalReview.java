package dev.lockbox.workflows;

import static dev.lockbox.workflows.model.LockboxStatus.CANCELED;
import static dev.lockbox.workflows.model.LockboxStatus.DENIED;
import static dev.lockbox.workflows.model.LockboxStatus.EXPIRED;
import static dev.lockbox.workflows.model.LockboxStatus.INTERNAL_REVIEW;
import static dev.lockbox.workflows.model.LockboxStatus.REJECTED;

import dev.lockbox.workflows.activities.NoticeKind;
import dev.lockbox.workflows.model.Decision;
import dev.lockbox.workflows.model.DecisionKind;
import dev.lockbox.workflows.model.DecisionRecord;
import dev.lockbox.workflows.model.LockboxStatus;
import io.temporal.workflow.CancellationScope;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The provider-side review the policy can ask for before the customer (e.g. a support lead): its
 * own window, and a deny or timeout ends the request with the stage recorded in the decision.
 */
final class InternalReview {

  private final RequestContext context;
  private final RequestRecord record;
  private Promise<Void> timer;

  InternalReview(RequestContext context) {
    this.context = context;
    this.record = context.record;
  }

  /**
   * Asks the reviewers and waits for one of them under the internal approval window. Returns true
   * when a reviewer approved; otherwise the request has reached its final status.
   */
  boolean review() {
    String role = record.jit.internalApprovalRole();
    List<String> reviewers = new ArrayList<>(context.findInternalApprovers(role));
    reviewers.remove(record.request.requester());
    if (reviewers.isEmpty()) {
      record.jit =
          record.jit.rejectedBecause("nobody but the requester holds the " + role + " role");
      context.moveTo(REJECTED);
      return false;
    }
    record.internalReviewers = List.copyOf(reviewers);
    Duration window = record.request.internalApprovalWindow();
    record.internalExpiresAt = RequestContext.now().plus(window);
    CancellationScope scope =
        context.startTimers(() -> timer = RequestContext.timer(window, "internal approval window"));
    context.moveTo(INTERNAL_REVIEW);
    Workflow.await(
        () -> record.internalDecision != null || record.decision != null || timer.isCompleted());
    if (record.internalDecision == null && record.decision == null) {
      record.internalDecision =
          DecisionRecord.bySystem(
              DecisionKind.INTERNAL_EXPIRE,
              "internal approval window elapsed",
              record.internalExpiresAt);
      return end(EXPIRED, NoticeKind.EXPIRED);
    }
    context.stopTimers(scope, new RequestContext.Due(timer, record.internalExpiresAt));
    if (record.decision != null) {
      context.moveTo(CANCELED);
      return false;
    }
    if (record.internalDecision.kind() == DecisionKind.INTERNAL_DENY) {
      return end(DENIED, NoticeKind.DENIED);
    }
    return true;
  }

  private boolean end(LockboxStatus status, NoticeKind notice) {
    record.decision = record.internalDecision;
    context.moveTo(status);
    context.tellRequester(notice, record.decision);
    return false;
  }

  void validate(Decision decision) {
    if (record.status != INTERNAL_REVIEW
        || record.internalDecision != null
        || record.decision != null
        || timer.isCompleted()) {
      throw LockboxErrors.NOT_IN_EXPECTED_STATUS.failure(
          "the request is " + record.status + " and no longer waits for an internal review",
          record.status);
    }
    if (record.isRequester(decision.actor())) {
      throw LockboxErrors.NOT_ALLOWED.failure(
          "requesters never review their own request", record.status);
    }
    if (!record.isInternalReviewer(decision.actor())) {
      throw LockboxErrors.NOT_ALLOWED.failure(
          decision.actor() + " does not hold the " + record.jit.internalApprovalRole() + " role",
          record.status);
    }
  }

  void decide(DecisionKind kind, Decision decision) {
    record.internalDecision = DecisionRecord.of(kind, decision, RequestContext.now());
    Workflow.await(() -> record.status != INTERNAL_REVIEW);
  }
}
