package dev.lockbox.workflows;

import dev.lockbox.workflows.model.Decision;
import dev.lockbox.workflows.model.DecisionKind;
import dev.lockbox.workflows.model.ExtensionDecision;
import dev.lockbox.workflows.model.ExtensionRequest;
import dev.lockbox.workflows.model.LockboxRequest;
import dev.lockbox.workflows.model.LockboxState;
import dev.lockbox.workflows.model.Message;
import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.UpdateMethod;
import io.temporal.workflow.UpdateValidatorMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * One lockbox request from evaluation to revoke. Decisions are Updates: their validators refuse a
 * decision that is not possible (it never enters the history) and the caller learns the outcome at
 * once. Each decision returns the state after the workflow has acted on it.
 *
 * <p>The names below are on the wire: in every history, the audit rules and the callers. They are
 * declared here once; changing one breaks the recorded histories (and the requests running).
 */
@WorkflowInterface
public interface LockboxWorkflow {

  /** The workflow type. */
  String TYPE = "LockboxWorkflow";

  /** The query every caller reads the state with. */
  String GET_STATE = "getState";

  /** The Update a create sends with the start (Update-with-Start) to learn its first answer. */
  String AWAIT_SETTLED = "awaitSettled";

  // The Updates that carry the decisions.
  String APPROVE = "approve";
  String DENY = "deny";
  String INTERNAL_APPROVE = "internalApprove";
  String INTERNAL_DENY = "internalDeny";
  String CANCEL = "cancel";
  String REVOKE = "revoke";

  // The Updates of questions and extensions.
  String ASK_QUESTION = "askQuestion";
  String ANSWER_QUESTION = "answerQuestion";
  String REQUEST_EXTENSION = "requestExtension";
  String APPROVE_EXTENSION = "approveExtension";
  String DENY_EXTENSION = "denyExtension";

  /** The Update that carries a decision of this kind; expiries are the workflow's own. */
  static String updateName(DecisionKind kind) {
    return switch (kind) {
      case APPROVE -> LockboxWorkflow.APPROVE;
      case DENY -> LockboxWorkflow.DENY;
      case INTERNAL_APPROVE -> LockboxWorkflow.INTERNAL_APPROVE;
      case INTERNAL_DENY -> LockboxWorkflow.INTERNAL_DENY;
      case CANCEL -> LockboxWorkflow.CANCEL;
      case REVOKE -> LockboxWorkflow.REVOKE;
      case EXPIRE, INTERNAL_EXPIRE ->
          throw new IllegalArgumentException("no Update carries " + kind);
    };
  }

  @WorkflowMethod(name = TYPE)
  LockboxState run(LockboxRequest request);

  @QueryMethod(name = GET_STATE)
  LockboxState getState();

  /**
   * Completes once the request has settled after its creation, with its state: the JIT policy has
   * answered and the request waits for a review or a decision, was rejected, or was granted at once
   * (break-glass, no lockbox needed); and the read model shows it, so a create's answer is already
   * in the listings. Changes nothing.
   */
  @UpdateMethod(name = AWAIT_SETTLED)
  LockboxState awaitSettled();

  @UpdateMethod(name = APPROVE)
  LockboxState approve(Decision decision);

  @UpdateValidatorMethod(updateName = APPROVE)
  void validateApprove(Decision decision);

  @UpdateMethod(name = DENY)
  LockboxState deny(Decision decision);

  @UpdateValidatorMethod(updateName = DENY)
  void validateDeny(Decision decision);

  /** A provider-side reviewer holding the role the policy named lets the request go on. */
  @UpdateMethod(name = INTERNAL_APPROVE)
  LockboxState internalApprove(Decision decision);

  @UpdateValidatorMethod(updateName = INTERNAL_APPROVE)
  void validateInternalApprove(Decision decision);

  /** A provider-side reviewer stops the request before the customer is asked. */
  @UpdateMethod(name = INTERNAL_DENY)
  LockboxState internalDeny(Decision decision);

  @UpdateValidatorMethod(updateName = INTERNAL_DENY)
  void validateInternalDeny(Decision decision);

  /** The requester withdraws a request that waits for a review or the customer. */
  @UpdateMethod(name = CANCEL)
  LockboxState cancel(Decision decision);

  @UpdateValidatorMethod(updateName = CANCEL)
  void validateCancel(Decision decision);

  /** Ends granted access before its window is over. */
  @UpdateMethod(name = REVOKE)
  LockboxState revoke(Decision decision);

  @UpdateValidatorMethod(updateName = REVOKE)
  void validateRevoke(Decision decision);

  /**
   * An approver asks the engineer for more information instead of deciding; the approval window
   * keeps running. Returns at once, with the question (its id) in the state.
   */
  @UpdateMethod(name = ASK_QUESTION)
  LockboxState askQuestion(Message question);

  @UpdateValidatorMethod(updateName = ASK_QUESTION)
  void validateAskQuestion(Message question);

  /** The engineer answers one question of their request, while it waits for a decision. */
  @UpdateMethod(name = ANSWER_QUESTION)
  LockboxState answerQuestion(Message answer);

  @UpdateValidatorMethod(updateName = ANSWER_QUESTION)
  void validateAnswerQuestion(Message answer);

  /**
   * The engineer asks for more time while access is granted. Returns at once, with the extension
   * (its id) pending in the state; the approvers are asked.
   */
  @UpdateMethod(name = REQUEST_EXTENSION)
  LockboxState requestExtension(ExtensionRequest extension);

  @UpdateValidatorMethod(updateName = REQUEST_EXTENSION)
  void validateRequestExtension(ExtensionRequest extension);

  /**
   * An approver approves an extension; the one that completes its approvals returns once the access
   * end has moved.
   */
  @UpdateMethod(name = APPROVE_EXTENSION)
  LockboxState approveExtension(ExtensionDecision decision);

  @UpdateValidatorMethod(updateName = APPROVE_EXTENSION)
  void validateApproveExtension(ExtensionDecision decision);

  /** An approver denies an extension: access ends when it would have. */
  @UpdateMethod(name = DENY_EXTENSION)
  LockboxState denyExtension(ExtensionDecision decision);

  @UpdateValidatorMethod(updateName = DENY_EXTENSION)
  void validateDenyExtension(ExtensionDecision decision);
}
