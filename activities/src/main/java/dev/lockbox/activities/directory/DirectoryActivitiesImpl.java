package dev.lockbox.activities.directory;

import dev.lockbox.directory.Directory;
import dev.lockbox.directory.DirectoryUser;
import dev.lockbox.workflows.activities.DirectoryActivities;
import dev.lockbox.workflows.model.ApprovalLevel;
import java.util.List;

public class DirectoryActivitiesImpl implements DirectoryActivities {

  private final Directory directory;

  public DirectoryActivitiesImpl(Directory directory) {
    this.directory = directory;
  }

  @Override
  public List<String> findApprovers(String tenantId, String subscriptionId) {
    return directory.approversOf(tenantId, subscriptionId).stream().map(DirectoryUser::id).toList();
  }

  @Override
  public List<ApprovalLevel> findApprovalLevels(String tenantId, String subscriptionId) {
    return directory.approvalLevelsOf(tenantId, subscriptionId).stream()
        .map(
            level ->
                new ApprovalLevel(
                    level.approvals(), level.approvers().stream().map(DirectoryUser::id).toList()))
        .toList();
  }

  @Override
  public List<String> findInternalApprovers(String internalRole) {
    return directory.holdersOf(internalRole).stream().map(DirectoryUser::id).toList();
  }
}
