package dev.lockbox.workflows.model;

import java.time.Duration;
import java.util.List;

/**
 * Where a request's customer approval stands: its levels, the one waiting now, every approval
 * counted so far and the access duration the approvers allowed. Absent (null) in requests started
 * before approval levels existed.
 *
 * @param currentLevel 1-based: the level whose approvers are asked now (the last one reached once
 *     the request is decided)
 * @param approvals each approval counted, in the order they came, with its approver and level
 * @param approvedDuration the shortest duration any approver approved, or null when every approver
 *     approved the duration asked for
 */
public record ApprovalProgress(
    List<ApprovalLevel> levels,
    int currentLevel,
    List<DecisionRecord> approvals,
    Duration approvedDuration) {

  public ApprovalProgress {
    levels = levels == null ? List.of() : List.copyOf(levels);
    approvals = approvals == null ? List.of() : List.copyOf(approvals);
  }

  // No getter-like names below ("isX", "getX"): this record travels as JSON in the history.

  /** How many approvals the request needs in all, over every level. */
  public int approvalsNeeded() {
    return levels.stream().mapToInt(ApprovalLevel::requiredApprovals).sum();
  }

  /** How many approvals were counted at this (1-based) level. */
  public long approvalsAt(int level) {
    return approvals.stream().filter(a -> a.level() != null && a.level() == level).count();
  }

  /** Whether someone's approval was already counted (at any level). */
  public boolean approvedBy(String actor) {
    return approvals.stream().anyMatch(a -> a.actor().equals(actor));
  }
}
