package dev.lockbox.directory;

import java.util.List;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * One level of a tenant's customer approval ({@code approval-levels} of a tenant): how many
 * distinct approvers must approve at this level before the next is asked.
 *
 * @param approvals how many distinct approvers, at least one; the requester never counts
 * @param approvers user ids of the tenant's approvers who approve at this level; empty for every
 *     designated approver of the tenant
 */
public record ApprovalLevelSetting(
    @DefaultValue("1") int approvals, @DefaultValue List<String> approvers) {

  public ApprovalLevelSetting {
    if (approvals < 1) {
      throw new IllegalArgumentException("an approval level needs at least 1 approval");
    }
    approvers = approvers == null ? List.of() : List.copyOf(approvers);
  }
}
