package dev.lockbox.workflows.model;

import java.util.List;

/**
 * One level of a tenant's approval: how many distinct approvers of {@code approvers} must approve
 * before the next level is asked (or, at the last level, before access is granted).
 *
 * @param requiredApprovals at least one; the requester never counts
 * @param approvers the user ids who may approve at this level, as the directory said when the
 *     request was sent for approval
 */
public record ApprovalLevel(int requiredApprovals, List<String> approvers) {

  public ApprovalLevel {
    approvers = approvers == null ? List.of() : List.copyOf(approvers);
  }

  /** Today's default: one level, one approval by any of the subscription's approvers. */
  public static List<ApprovalLevel> single(List<String> approvers) {
    return List.of(new ApprovalLevel(1, approvers));
  }
}
