package dev.lockbox.workflows;

import dev.lockbox.workflows.model.ApprovalLevel;
import dev.lockbox.workflows.model.ApprovalProgress;
import dev.lockbox.workflows.model.DecisionRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One set of approvals that a {@link Quorum} counts: a request's own, or one of its extensions'.
 * The levels are null in requests that started before approval levels.
 */
final class ApprovalRound {

  List<ApprovalLevel> levels;
  int level = 1;
  final List<DecisionRecord> approvals = new ArrayList<>();

  /** Whether the round knows its levels (approval levels had started when it was asked). */
  boolean hasLevels() {
    return levels != null;
  }

  /** The approvers of the level that waits now. */
  List<String> currentApprovers() {
    return levels.get(level - 1).approvers();
  }

  ApprovalProgress progress(Duration approvedDuration) {
    return levels == null ? null : new ApprovalProgress(levels, level, approvals, approvedDuration);
  }
}
