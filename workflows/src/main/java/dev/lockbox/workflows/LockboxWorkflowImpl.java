package dev.lockbox.workflows;

import static dev.lockbox.workflows.model.LockboxStatus.ACCESS_GRANTED;
import static dev.lockbox.workflows.model.LockboxStatus.CANCELED;
import static dev.lockbox.workflows.model.LockboxStatus.COMPLETED;
import static dev.lockbox.workflows.model.LockboxStatus.REJECTED;

import dev.lockbox.workflows.activities.NoticeKind;
import dev.lockbox.workflows.model.Decision;
import dev.lockbox.workflows.model.DecisionKind;
import dev.lockbox.workflows.model.DecisionRecord;
import dev.lockbox.workflows.model.ExtensionDecision;
import dev.lockbox.workflows.model.ExtensionRequest;
import dev.lockbox.workflows.model.JitEvaluation;
import dev.lockbox.workflows.model.JitOutcome;
import dev.lockbox.workflows.model.LockboxRequest;
import dev.lockbox.workflows.model.LockboxState;
import dev.lockbox.workflows.model.LockboxStatus;
import dev.lockbox.workflows.model.Message;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInit;
import java.util.List;
import org.slf4j.Logger;

/**
 * The lifecycle of one lockbox request, read top to bottom in {@link #run}. The stages live in
 * {@link InternalReview}, {@link CustomerApproval} and {@link AccessWindow}; this class orders them
 * and answers the messages.
 */
public class LockboxWorkflowImpl implements LockboxWorkflow {

  private static final Logger log = Workflow.getLogger(LockboxWorkflowImpl.class);

  private final RequestRecord record;
  private final RequestContext context;
  private final InternalReview internalReview;
  private final CustomerApproval customerApproval;
  private final AccessWindow accessWindow;
  private final Questions questions;
  private final Extensions extensions;

  @WorkflowInit
  public LockboxWorkflowImpl(LockboxRequest request) {
    record = new RequestRecord(request, RequestContext.now());
    context = new RequestContext(record, new LockboxActivityStubs());
    internalReview = new InternalReview(context);
    customerApproval = new CustomerApproval(context);
    questions = new Questions(context);
    extensions = new Extensions(context);
    accessWindow = new AccessWindow(context, extensions);
  }

  @Override
  public LockboxState run(LockboxRequest request) {
    try {
      Features features = context.start(); // versions first: every later step depends on them
      record.jit = evaluate(request); // the JIT policy answers at once: no window
      if (record.jit.outcome() == JitOutcome.REJECT) {
        return end(REJECTED); // stop: nobody is asked, nothing is granted
      }
      if (features.breakGlass(request)) {
        return grantAtOnce(); // no approval window; the break-glass access window (default 1h)
      }
      if (features.internalReview(record.jit) && !internalReview.review()) {
        return finish(); // ended in the internal approval window (default 24 hours)
      }
      if (needsCustomer() && !customerApproval.awaitDecision()) {
        return finish(); // ended in the customer's approval window (default 4 days)
      }
      accessWindow.grant(); // the access window (default 8 hours) runs from the grant
      tellRequesterOfApproval(); // the engineer hears of a customer's approval
      accessWindow.hold(); // until the access window ends or someone revokes early
      accessWindow.revoke(); // retried until it succeeds
    } catch (CanceledFailure e) {
      // An operator canceled the workflow: access must still end, so clean up outside its scope.
      Workflow.newDetachedCancellationScope(this::closeAfterCancellation).run();
      context.finishBackground();
      throw e;
    }
    return finish();
  }

  /** The final state, once the emails still being sent have gone out. */
  private LockboxState finish() {
    context.finishBackground();
    return record.snapshot();
  }

  private JitEvaluation evaluate(LockboxRequest request) {
    try {
      return context.evaluate(request);
    } catch (ActivityFailure e) {
      // Fail closed: a policy that cannot answer never lets anyone in.
      log.warn("JIT policy unavailable for {}", request.requestId(), e);
      return new JitEvaluation(
          JitOutcome.REJECT,
          "policy-unavailable",
          List.of("the JIT policy could not be evaluated"));
    }
  }

  private LockboxState end(LockboxStatus status) {
    context.moveTo(status);
    return finish();
  }

  /** Access the policy grants without a lockbox (no customer data is reached) asks nobody. */
  private boolean needsCustomer() {
    return record.jit.outcome() != JitOutcome.GRANT_WITHOUT_LOCKBOX;
  }

  private void tellRequesterOfApproval() {
    if (record.decision != null) {
      context.tellRequester(NoticeKind.APPROVED, record.decision);
    }
  }

  /**
   * Emergency access: the rules that reject still apply, but nobody is waited for. The tenant's
   * approvers hear of it right after the grant.
   */
  private LockboxState grantAtOnce() {
    record.approvers = context.findApprovers();
    accessWindow.grant();
    context.tellApprovers(NoticeKind.BREAK_GLASS_USED);
    accessWindow.hold();
    accessWindow.revoke();
    return finish();
  }

  private void closeAfterCancellation() {
    String reason = "workflow canceled by an operator";
    accessWindow.revokeAfterCancellation(reason);
    if (record.status.isFinal()) {
      return;
    }
    if (record.accessGrantedAt != null) {
      context.moveTo(COMPLETED);
      context.tellRequester(NoticeKind.REVOKED, record.revocation);
      return;
    }
    if (record.decision == null) {
      record.decision = DecisionRecord.bySystem(DecisionKind.CANCEL, reason, RequestContext.now());
    }
    context.moveTo(CANCELED);
  }

  // ---- messages ----

  @Override
  public LockboxState getState() {
    return record.snapshot();
  }

  @Override
  public LockboxState awaitSettled() {
    Workflow.await(() -> record.status.settled() && context.readModelWritten());
    return record.snapshot();
  }

  @Override
  public void validateApprove(Decision decision) {
    Validators.requireCustomerDecisionPossible(record, customerApproval.windowElapsed());
    customerApproval.validateApprove(decision);
  }

  @Override
  public LockboxState approve(Decision decision) {
    if (!record.round.hasLevels()) {
      return decide(DecisionKind.APPROVE, decision); // a request from before approval levels
    }
    return customerApproval.approve(decision);
  }

  /** Any approver of the request, at any level, may deny it: one deny ends the request. */
  @Override
  public void validateDeny(Decision decision) {
    Validators.requireCustomerDecisionPossible(record, customerApproval.windowElapsed());
    Validators.requireApprover(record, decision);
    Validators.requireNoApprovedDuration(decision);
  }

  @Override
  public LockboxState deny(Decision decision) {
    return decide(DecisionKind.DENY, decision);
  }

  @Override
  public void validateInternalApprove(Decision decision) {
    if (context.features() == null || !context.features().internalReviewAndBreakGlass()) {
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
    record.revocation = DecisionRecord.of(DecisionKind.REVOKE, decision, RequestContext.now());
    Workflow.await(() -> record.status != ACCESS_GRANTED);
    return record.snapshot();
  }

  @Override
  public void validateAskQuestion(Message question) {
    questions.validateAsk(question, customerApproval.windowElapsed());
  }

  @Override
  public LockboxState askQuestion(Message question) {
    return questions.ask(question);
  }

  @Override
  public void validateAnswerQuestion(Message answer) {
    questions.validateAnswer(answer, customerApproval.windowElapsed());
  }

  @Override
  public LockboxState answerQuestion(Message answer) {
    return questions.answer(answer);
  }

  @Override
  public void validateRequestExtension(ExtensionRequest extension) {
    extensions.validateRequest(extension, accessWindow.windowElapsed());
  }

  @Override
  public LockboxState requestExtension(ExtensionRequest extension) {
    return extensions.request(extension);
  }

  @Override
  public void validateApproveExtension(ExtensionDecision decision) {
    extensions.validateDecision(decision, true, accessWindow.windowElapsed());
  }

  @Override
  public LockboxState approveExtension(ExtensionDecision decision) {
    return extensions.approve(decision);
  }

  @Override
  public void validateDenyExtension(ExtensionDecision decision) {
    extensions.validateDecision(decision, false, accessWindow.windowElapsed());
  }

  @Override
  public LockboxState denyExtension(ExtensionDecision decision) {
    return extensions.deny(decision);
  }

  /**
   * Records the decision, then waits until the main flow has acted on it: from {@link
   * Features#APPROVAL_ANSWERS_ONCE_GRANTED} on, until the request has come to rest (an approval
   * answers with the grant).
   */
  private LockboxState decide(DecisionKind kind, Decision decision) {
    LockboxStatus before = record.status;
    record.decision = DecisionRecord.of(kind, decision, RequestContext.now());
    boolean untilSettled =
        context.features() != null && context.features().approvalAnswersOnceGranted();
    Workflow.await(() -> record.status != before && (!untilSettled || record.status.settled()));
    return record.snapshot();
  }
}
