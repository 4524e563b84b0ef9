package dev.lockbox.directory;

import java.util.List;

/** One approval level as it applies to a subscription: how many of these approvers must approve. */
public record ApprovalLevelOfTenant(int approvals, List<DirectoryUser> approvers) {

  public ApprovalLevelOfTenant {
    approvers = List.copyOf(approvers);
  }
}
