package dev.lockbox.activities.policy;

import dev.lockbox.platform.directory.Directory;
import dev.lockbox.workflows.activities.PolicyActivities;
import dev.lockbox.workflows.model.JitEvaluation;
import dev.lockbox.workflows.model.LockboxRequest;

public class PolicyActivitiesImpl implements PolicyActivities {

  private final SimplePolicy policy;
  private final Directory directory;

  public PolicyActivitiesImpl(SimplePolicy policy, Directory directory) {
    this.policy = policy;
    this.directory = directory;
  }

  @Override
  public JitEvaluation evaluateRequest(LockboxRequest request) {
    return policy.evaluate(request, directory.user(request.requester()));
  }
}
