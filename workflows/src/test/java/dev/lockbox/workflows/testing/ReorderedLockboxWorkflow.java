package dev.lockbox.workflows.testing;

import dev.lockbox.workflows.LockboxWorkflow;
import dev.lockbox.workflows.activities.DirectoryActivities;
import dev.lockbox.workflows.activities.PolicyActivities;
import dev.lockbox.workflows.model.Decision;
import dev.lockbox.workflows.model.ExtensionDecision;
import dev.lockbox.workflows.model.ExtensionRequest;
import dev.lockbox.workflows.model.LockboxRequest;
import dev.lockbox.workflows.model.LockboxState;
import dev.lockbox.workflows.model.Message;
import io.temporal.activity.ActivityOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;

/**
 * A deliberately incompatible change (the directory is asked before the policy), used as the
 * negative control of the replay test: replaying real histories against it must fail.
 */
public class ReorderedLockboxWorkflow implements LockboxWorkflow {

  private final ActivityOptions options =
      ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(10)).build();

  @Override
  public LockboxState run(LockboxRequest request) {
    Workflow.newActivityStub(DirectoryActivities.class, options)
        .findApprovers(request.tenantId(), request.subscriptionId());
    Workflow.newActivityStub(PolicyActivities.class, options).evaluateRequest(request);
    return null;
  }

  @Override
  public LockboxState getState() {
    return null;
  }

  @Override
  public LockboxState awaitSettled() {
    return null;
  }

  @Override
  public LockboxState approve(Decision decision) {
    return null;
  }

  @Override
  public void validateApprove(Decision decision) {}

  @Override
  public LockboxState deny(Decision decision) {
    return null;
  }

  @Override
  public void validateDeny(Decision decision) {}

  @Override
  public LockboxState internalApprove(Decision decision) {
    return null;
  }

  @Override
  public void validateInternalApprove(Decision decision) {}

  @Override
  public LockboxState internalDeny(Decision decision) {
    return null;
  }

  @Override
  public void validateInternalDeny(Decision decision) {}

  @Override
  public LockboxState cancel(Decision decision) {
    return null;
  }

  @Override
  public void validateCancel(Decision decision) {}

  @Override
  public LockboxState revoke(Decision decision) {
    return null;
  }

  @Override
  public void validateRevoke(Decision decision) {}

  @Override
  public LockboxState askQuestion(Message question) {
    return null;
  }

  @Override
  public void validateAskQuestion(Message question) {}

  @Override
  public LockboxState answerQuestion(Message answer) {
    return null;
  }

  @Override
  public void validateAnswerQuestion(Message answer) {}

  @Override
  public LockboxState requestExtension(ExtensionRequest extension) {
    return null;
  }

  @Override
  public void validateRequestExtension(ExtensionRequest extension) {}

  @Override
  public LockboxState approveExtension(ExtensionDecision decision) {
    return null;
  }

  @Override
  public void validateApproveExtension(ExtensionDecision decision) {}

  @Override
  public LockboxState denyExtension(ExtensionDecision decision) {
    return null;
  }

  @Override
  public void validateDenyExtension(ExtensionDecision decision) {}
}
