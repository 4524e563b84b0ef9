package dev.lockbox.workflows;

import dev.lockbox.workflows.model.Decision;
import dev.lockbox.workflows.model.LockboxRequest;
import dev.lockbox.workflows.model.LockboxState;
import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.UpdateMethod;
import io.temporal.workflow.UpdateValidatorMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * One lockbox request from evaluation to revoke. Decisions are Updates: their validators refuse a
 * decision that is not possible (it never enters the history) and the caller learns the outcome at
 * once. Each decision returns the state after the workflow has acted on it.
 */
@WorkflowInterface
public interface LockboxWorkflow {

  @WorkflowMethod
  LockboxState run(LockboxRequest request);

  @QueryMethod
  LockboxState getState();

  @UpdateMethod
  LockboxState approve(Decision decision);

  @UpdateValidatorMethod(updateName = "approve")
  void validateApprove(Decision decision);

  @UpdateMethod
  LockboxState deny(Decision decision);

  @UpdateValidatorMethod(updateName = "deny")
  void validateDeny(Decision decision);

  /** A provider-side reviewer holding the role the policy named lets the request go on. */
  @UpdateMethod
  LockboxState internalApprove(Decision decision);

  @UpdateValidatorMethod(updateName = "internalApprove")
  void validateInternalApprove(Decision decision);

  /** A provider-side reviewer stops the request before the customer is asked. */
  @UpdateMethod
  LockboxState internalDeny(Decision decision);

  @UpdateValidatorMethod(updateName = "internalDeny")
  void validateInternalDeny(Decision decision);

  /** The requester withdraws a request that waits for a review or the customer. */
  @UpdateMethod
  LockboxState cancel(Decision decision);

  @UpdateValidatorMethod(updateName = "cancel")
  void validateCancel(Decision decision);

  /** Ends granted access before its window is over. */
  @UpdateMethod
  LockboxState revoke(Decision decision);

  @UpdateValidatorMethod(updateName = "revoke")
  void validateRevoke(Decision decision);
}
