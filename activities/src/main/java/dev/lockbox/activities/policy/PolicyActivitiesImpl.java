package dev.lockbox.activities.policy;

import dev.lockbox.directory.Directory;
import dev.lockbox.directory.DirectoryTenant;
import dev.lockbox.policy.Policy;
import dev.lockbox.workflows.activities.PolicyActivities;
import dev.lockbox.workflows.model.JitEvaluation;
import dev.lockbox.workflows.model.JitOutcome;
import dev.lockbox.workflows.model.LockboxRequest;
import java.util.List;
import java.util.Optional;

/** Evaluates the rules file against the request and the directory's facts about the requester. */
public class PolicyActivitiesImpl implements PolicyActivities {

  private final Policy policy;
  private final Directory directory;

  public PolicyActivitiesImpl(Policy policy, Directory directory) {
    this.policy = policy;
    this.directory = directory;
  }

  @Override
  public JitEvaluation evaluateRequest(LockboxRequest request) {
    Optional<DirectoryTenant> tenant = directory.tenant(request.tenantId());
    if (tenant.isEmpty()) {
      return new JitEvaluation(
          JitOutcome.REJECT,
          "unknown-tenant",
          List.of("tenant " + request.tenantId() + " is not in the directory"));
    }
    return policy.evaluate(request, directory.user(request.requester()), tenant.get());
  }
}
