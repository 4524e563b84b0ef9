package dev.lockbox.workflows;

import static dev.lockbox.workflows.model.LockboxStatus.ACCESS_GRANTED;
import static dev.lockbox.workflows.model.LockboxStatus.CANCELED;
import static dev.lockbox.workflows.model.LockboxStatus.COMPLETED;
import static dev.lockbox.workflows.model.LockboxStatus.REJECTED;

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
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInit;
import java.util.List;
import org.slf4j.Logger;

/**
 * The lifecycle of one lockbox request: evaluate, (review internally,) ask the customer under the
 * approval window, grant, hold for the access window, revoke. The stages live in {@link
 * InternalReview}, {@link CustomerApproval} and {@link AccessWindow}; this class orders them and
 * answers the messages.
 */
public class LockboxWorkflowImpl implements LockboxWorkflow {

  private static final Logger log = Workflow.getLogger(LockboxWorkflowImpl.class);

  private final RequestRecord record;
  private final RunContext run;
  private final InternalReview internalReview;
  private final CustomerApproval customerApproval;
  private final AccessWindow accessWindow;

  @WorkflowInit
  public LockboxWorkflowImpl(LockboxRequest request) {
    record = new RequestRecord(request, RunContext.now());
    run = new RunContext(record, new LockboxActivityStubs());
    internalReview = new InternalReview(run);
    customerApproval = new CustomerApproval(run);
    accessWindow = new AccessWindow(run);
  }

  @Override
  public LockboxState run(LockboxRequest request) {
    try {
      run.startRun();
      Features features = run.features();
      record.jit = evaluate(request);
      if (record.jit.outcome() == JitOutcome.REJECT) {
        run.moveTo(REJECTED);
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

  private JitEvaluation evaluate(LockboxRequest request) {
    try {
      return run.activities.policy.evaluateRequest(request);
    } catch (ActivityFailure e) {
      // Fail closed: a policy that cannot answer never lets anyone in.
      log.warn("JIT policy unavailable for {}", request.requestId(), e);
      return new JitEvaluation(
          JitOutcome.REJECT,
          "policy-unavailable",
          List.of("the JIT policy could not be evaluated"));
    }
  }

  private void afterEvaluation() {
    if (record.jit.outcome() == JitOutcome.GRANT_WITHOUT_LOCKBOX || customerApproval.run()) {
      accessWindow.hold(this::tellRequesterOfApproval);
    }
  }

  private void tellRequesterOfApproval() {
    if (record.decision != null) {
      run.tellRequester(NoticeKind.APPROVED, record.decision);
    }
  }

  /**
   * Emergency access: the rules that reject still apply, but nobody is waited for. The tenant's
   * approvers hear of it right after the grant.
   */
  private void breakGlass() {
    LockboxRequest request = record.request;
    record.approvers =
        run.activities.approvers.findApprovers(request.tenantId(), request.subscriptionId());
    accessWindow.hold(() -> run.notifier.approvers(NoticeKind.BREAK_GLASS_USED));
  }

  private void closeAfterCancellation() {
    String reason = "workflow canceled by an operator";
    accessWindow.revokeAfterCancellation(reason);
    if (record.status.isFinal()) {
      return;
    }
    if (record.accessGrantedAt != null) {
      run.moveTo(COMPLETED);
      run.tellRequester(NoticeKind.REVOKED, record.revocation);
      return;
    }
    if (record.decision == null) {
      record.decision = DecisionRecord.bySystem(DecisionKind.CANCEL, reason, RunContext.now());
    }
    run.moveTo(CANCELED);
  }

  // ---- messages ----

  @Override
  public LockboxState getState() {
    return record.snapshot();
  }

  @Override
  public void validateApprove(Decision decision) {
    Validators.requireCustomerDecisionPossible(record, customerApproval.windowElapsed());
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
    if (run.features() == null || !run.features().internalReviewAndBreakGlass()) {
      throw LockboxErrors.NOT_IN_EXPECTED_STATUS.failure(
          "this request has no internal review stage", record.status);
    }
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

  @Override
  public void validateCancel(Decision decision) {
    if (record.status != LockboxStatus.INTERNAL_REVIEW) {
      Validators.requireCustomerDecisionPossible(record, customerApproval.windowElapsed());
    } else if (record.decision != null || record.internalDecision != null) {
      throw LockboxErrors.NOT_IN_EXPECTED_STATUS.failure(
          "a decision is already being taken", record.status);
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
    record.revocation = DecisionRecord.of(DecisionKind.REVOKE, decision, RunContext.now());
    Workflow.await(() -> record.status != ACCESS_GRANTED);
    return record.snapshot();
  }

  /** Records the decision, then waits until the main flow has acted on it. */
  private LockboxState decide(DecisionKind kind, Decision decision) {
    LockboxStatus before = record.status;
    record.decision = DecisionRecord.of(kind, decision, RunContext.now());
    Workflow.await(() -> record.status != before);
    return record.snapshot();
  }
}
