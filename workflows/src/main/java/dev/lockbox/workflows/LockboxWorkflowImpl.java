package dev.lockbox.workflows;

import static dev.lockbox.workflows.model.LockboxStatus.ACCESS_GRANTED;
import static dev.lockbox.workflows.model.LockboxStatus.APPROVED;
import static dev.lockbox.workflows.model.LockboxStatus.CANCELED;
import static dev.lockbox.workflows.model.LockboxStatus.COMPLETED;
import static dev.lockbox.workflows.model.LockboxStatus.DENIED;
import static dev.lockbox.workflows.model.LockboxStatus.EXPIRED;
import static dev.lockbox.workflows.model.LockboxStatus.PENDING;
import static dev.lockbox.workflows.model.LockboxStatus.REJECTED;

import dev.lockbox.workflows.activities.AccessGrant;
import dev.lockbox.workflows.activities.NoticeKind;
import dev.lockbox.workflows.model.Decision;
import dev.lockbox.workflows.model.DecisionKind;
import dev.lockbox.workflows.model.DecisionRecord;
import dev.lockbox.workflows.model.JitEvaluation;
import dev.lockbox.workflows.model.JitOutcome;
import dev.lockbox.workflows.model.LockboxRequest;
import dev.lockbox.workflows.model.LockboxState;
import dev.lockbox.workflows.model.LockboxStatus;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.workflow.CancellationScope;
import io.temporal.workflow.Promise;
import io.temporal.workflow.TimerOptions;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInit;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;

/**
 * The lifecycle of one lockbox request: evaluate, ask the customer, wait for a decision under the
 * approval window, grant, hold for the access window, revoke.
 *
 * <p>Race rule for the approval window: a decision the workflow has accepted before it processes
 * the expiry timer wins, even when both land in the same workflow task; once the timer has fired,
 * validators refuse every decision with the status {@code EXPIRED}.
 */
public class LockboxWorkflowImpl implements LockboxWorkflow {

  private static final Logger log = Workflow.getLogger(LockboxWorkflowImpl.class);

  private final LockboxActivityStubs activities = new LockboxActivityStubs();
  private final RequestRecord record;
  private final StatusPublisher publisher;
  private final Notifier notifier;
  private final InternalReview internalReview;
  private Features features;
  private Promise<Void> approvalTimer;
  private Promise<Void> reminderTimer;
  private boolean reminded;
  private Promise<Void> accessTimer;

  @WorkflowInit
  public LockboxWorkflowImpl(LockboxRequest request) {
    record = new RequestRecord(request, now());
    publisher = new StatusPublisher(record, activities.readModel);
    notifier = new Notifier(record, activities.notifications);
    internalReview =
        new InternalReview(record, activities.directory, this::moveTo, this::tellRequester);
  }

  @Override
  public LockboxState run(LockboxRequest request) {
    features = Features.current();
    try {
      publisher.publish();
      record.jit = evaluate(request);
      if (record.jit.outcome() == JitOutcome.REJECT) {
        moveTo(REJECTED);
      } else if (features.internalReviewAndBreakGlass() && request.breakGlass()) {
        breakGlass();
      } else if (!features.internalReviewAndBreakGlass()
          || !record.jit.needsInternalApproval()
          || internalReview.run()) {
        afterEvaluation();
      }
    } catch (CanceledFailure e) {
      // An operator canceled the workflow: access must still end, so clean up outside its scope.
      Workflow.newDetachedCancellationScope(this::closeAfterCancellation).run();
      throw e;
    }
    return record.snapshot();
  }

  private void afterEvaluation() {
    if (record.jit.outcome() == JitOutcome.GRANT_WITHOUT_LOCKBOX) {
      holdAccess();
    } else if (awaitCustomerApproval()) {
      holdAccess();
    }
  }

  /**
   * Emergency access: the rules that reject still apply, but nobody is waited for. The tenant's
   * approvers hear of it right after the grant.
   */
  private void breakGlass() {
    LockboxRequest request = record.request;
    record.approvers = activities.directory.findApprovers(request.tenantId(), request.subscriptionId());
    holdAccess(() -> notifier.approvers(NoticeKind.BREAK_GLASS_USED));
  }

  private JitEvaluation evaluate(LockboxRequest request) {
    try {
      return activities.policy.evaluateRequest(request);
    } catch (ActivityFailure e) {
      // Fail closed: a policy that cannot answer never lets anyone in.
      log.warn("JIT policy unavailable for {}", request.requestId(), e);
      return new JitEvaluation(
          JitOutcome.REJECT, "policy-unavailable", List.of("the JIT policy could not be evaluated"));
    }
  }

  /** Returns true when the customer approved; otherwise the request has reached its final status. */
  private boolean awaitCustomerApproval() {
    LockboxRequest request = record.request;
    record.approvers =
        activities.directory.findApprovers(request.tenantId(), request.subscriptionId());
    if (record.approvers.isEmpty()) {
      record.jit = withReason(record.jit, "the subscription has no designated Lockbox approver");
      moveTo(REJECTED);
      return false;
    }
    record.expiresAt = now().plus(request.approvalWindow());
    CancellationScope window = Workflow.newCancellationScope(this::startApprovalTimers);
    window.run();
    moveTo(PENDING);
    notifier.approvers(NoticeKind.APPROVAL_REQUESTED);
    awaitDecisionOrExpiry();
    if (record.decision == null) {
      // Recorded at the deadline itself, not at the (slightly later) task that saw the timer.
      record.decision =
          DecisionRecord.bySystem(DecisionKind.EXPIRE, "approval window elapsed", record.expiresAt);
      moveTo(EXPIRED);
      tellRequester(NoticeKind.EXPIRED, record.decision);
      return false;
    }
    window.cancel();
    return switch (record.decision.kind()) {
      case APPROVE -> {
        moveTo(APPROVED);
        yield true;
      }
      case DENY -> {
        moveTo(DENIED);
        tellRequester(NoticeKind.DENIED, record.decision);
        yield false;
      }
      default -> {
        moveTo(CANCELED);
        yield false;
      }
    };
  }

  private void startApprovalTimers() {
    Duration window = record.request.approvalWindow();
    approvalTimer = timer(window, "approval window");
    Duration reminder = record.request.reminderBeforeExpiry();
    if (features.notices() && reminder != null && window.compareTo(reminder) > 0) {
      reminderTimer = timer(window.minus(reminder), "reminder before expiry");
    }
  }

  /** Waits for a decision or the expiry; reminds the approvers once on the way. */
  private void awaitDecisionOrExpiry() {
    while (true) {
      Workflow.await(() -> record.decision != null || approvalTimer.isCompleted() || reminderDue());
      if (record.decision != null || approvalTimer.isCompleted()) {
        return;
      }
      reminded = true;
      notifier.approvers(NoticeKind.REMINDER);
    }
  }

  private boolean reminderDue() {
    return reminderTimer != null && reminderTimer.isCompleted() && !reminded;
  }

  private void tellRequester(NoticeKind kind, DecisionRecord decision) {
    if (features.notices()) {
      notifier.requester(kind, decision);
    }
  }

  private void holdAccess() {
    holdAccess(
        () -> {
          if (record.decision != null) {
            tellRequester(NoticeKind.APPROVED, record.decision);
          }
        });
  }

  private void holdAccess(Runnable afterGrant) {
    // The window runs from the moment the grant is issued; the access system enforces the same end.
    record.accessGrantedAt = now();
    record.accessExpiresAt = record.accessGrantedAt.plus(record.request.accessDuration());
    activities.access.grantAccess(grantOf(record.accessExpiresAt));
    moveTo(ACCESS_GRANTED);
    afterGrant.run();
    Duration left = Duration.between(now(), record.accessExpiresAt);
    CancellationScope window =
        Workflow.newCancellationScope(
            () -> accessTimer = timer(left.isNegative() ? Duration.ZERO : left, "access window"));
    window.run();
    Workflow.await(() -> record.revocation != null || accessTimer.isCompleted());
    if (record.revocation == null) {
      record.revocation =
          DecisionRecord.bySystem(DecisionKind.REVOKE, "access window ended", record.accessExpiresAt);
    } else {
      window.cancel();
    }
    revoke();
  }

  private AccessGrant grantOf(Instant expiresAt) {
    LockboxRequest r = record.request;
    return new AccessGrant(
        r.requestId(),
        r.requester(),
        r.tenantId(),
        r.subscriptionId(),
        r.resourceType(),
        r.resourceId(),
        r.accessLevel(),
        expiresAt);
  }

  private void revoke() {
    activities.access.revokeAccess(record.request.requestId());
    record.revokedAt = now();
    moveTo(COMPLETED);
    tellRequester(NoticeKind.REVOKED, record.revocation);
  }

  private void closeAfterCancellation() {
    String reason = "workflow canceled by an operator";
    if (record.status == APPROVED || record.status == ACCESS_GRANTED) {
      // Revoke even when the grant may not have finished: revoking is idempotent.
      if (record.revocation == null) {
        record.revocation = DecisionRecord.bySystem(DecisionKind.REVOKE, reason, now());
      }
      activities.access.revokeAccess(record.request.requestId());
      record.revokedAt = now();
    }
    if (record.status.isFinal()) {
      return;
    }
    if (record.accessGrantedAt != null) {
      moveTo(COMPLETED);
      tellRequester(NoticeKind.REVOKED, record.revocation);
      return;
    }
    if (record.decision == null) {
      record.decision = DecisionRecord.bySystem(DecisionKind.CANCEL, reason, now());
    }
    moveTo(CANCELED);
  }

  // ---- messages ----

  @Override
  public LockboxState getState() {
    return record.snapshot();
  }

  @Override
  public void validateApprove(Decision decision) {
    Validators.requireCustomerDecisionPossible(record, approvalTimer);
    Validators.requireApprover(record, decision);
  }

  @Override
  public LockboxState approve(Decision decision) {
    return decide(DecisionKind.APPROVE, decision);
  }

  @Override
  public void validateDeny(Decision decision) {
    validateApprove(decision);
  }

  @Override
  public LockboxState deny(Decision decision) {
    return decide(DecisionKind.DENY, decision);
  }

  @Override
  public void validateInternalApprove(Decision decision) {
    requireInternalReviewFeature();
    internalReview.validate(decision);
  }

  @Override
  public LockboxState internalApprove(Decision decision) {
    internalReview.decide(DecisionKind.INTERNAL_APPROVE, decision);
    return record.snapshot();
  }

  @Override
  public void validateInternalDeny(Decision decision) {
    validateInternalApprove(decision);
  }

  @Override
  public LockboxState internalDeny(Decision decision) {
    internalReview.decide(DecisionKind.INTERNAL_DENY, decision);
    return record.snapshot();
  }

  private void requireInternalReviewFeature() {
    if (features == null || !features.internalReviewAndBreakGlass()) {
      throw LockboxErrors.NOT_IN_EXPECTED_STATUS.failure(
          "this request has no internal review stage", record.status);
    }
  }

  @Override
  public void validateCancel(Decision decision) {
    if (record.status != LockboxStatus.INTERNAL_REVIEW) {
      Validators.requireCustomerDecisionPossible(record, approvalTimer);
    } else if (record.decision != null || record.internalDecision != null) {
      throw LockboxErrors.NOT_IN_EXPECTED_STATUS.failure("a decision is already being taken", record.status);
    }
    Validators.requireRequester(record, decision);
  }

  @Override
  public LockboxState cancel(Decision decision) {
    return decide(DecisionKind.CANCEL, decision);
  }

  @Override
  public void validateRevoke(Decision decision) {
    Validators.requireRevocable(record);
    Validators.requireRequesterOrApprover(record, decision);
  }

  @Override
  public LockboxState revoke(Decision decision) {
    record.revocation = DecisionRecord.of(DecisionKind.REVOKE, decision, now());
    Workflow.await(() -> record.status != ACCESS_GRANTED);
    return record.snapshot();
  }

  /** Records the decision, then waits until the main flow has acted on it. */
  private LockboxState decide(DecisionKind kind, Decision decision) {
    LockboxStatus before = record.status;
    record.decision = DecisionRecord.of(kind, decision, now());
    Workflow.await(() -> record.status != before);
    return record.snapshot();
  }

  // ---- helpers ----

  private void moveTo(LockboxStatus next) {
    record.moveTo(next);
    publisher.publishStatusChange();
  }

  private static Promise<Void> timer(Duration duration, String summary) {
    return Workflow.newTimer(duration, TimerOptions.newBuilder().setSummary(summary).build());
  }

  private static JitEvaluation withReason(JitEvaluation jit, String reason) {
    List<String> reasons = new java.util.ArrayList<>(jit.reasons());
    reasons.add(reason);
    return new JitEvaluation(JitOutcome.REJECT, jit.ruleId(), reasons);
  }

  private static Instant now() {
    return Instant.ofEpochMilli(Workflow.currentTimeMillis());
  }
}
