package dev.lockbox.activities.notify;

import dev.lockbox.text.HumanText;
import dev.lockbox.workflows.model.ApprovalProgress;
import dev.lockbox.workflows.model.DecisionRecord;
import java.time.Duration;
import java.util.stream.Collectors;

/**
 * How approval levels and narrowing read in an email. Null means "nothing to say": a request with
 * one approval at one level, approved for the duration asked, reads as it always did.
 */
final class ApprovalText {

  private ApprovalText() {}

  /** "1 of 2 approvals so far (northwind-owner); level 1 of 1", or null for a single approval. */
  static String progress(ApprovalProgress approval) {
    if (approval == null || approval.approvalsNeeded() <= 1) {
      return null;
    }
    String so = approval.approvals().size() + " of " + approval.approvalsNeeded() + " so far";
    String who = approval.approvals().isEmpty() ? "" : " (" + approvers(approval) + ")";
    String level =
        approval.levels().size() <= 1
            ? ""
            : "; level "
                + approval.currentLevel()
                + " of "
                + approval.levels().size()
                + " asks you";
    return so + who + level;
  }

  /** " (level 2 of 3)" for a later level's subject, or nothing. */
  static String levelSuffix(ApprovalProgress approval) {
    if (approval == null || approval.levels().size() <= 1) {
      return "";
    }
    return " (level " + approval.currentLevel() + " of " + approval.levels().size() + ")";
  }

  /** Who approved, in order, or null when there is no approval record. */
  static String approvers(ApprovalProgress approval) {
    if (approval == null || approval.approvals().isEmpty()) {
      return null;
    }
    return approval.approvals().stream()
        .map(DecisionRecord::actor)
        .collect(Collectors.joining(", "));
  }

  /** "2 hours (you asked for 8 hours)" when an approver shortened the access, else null. */
  static String approvedFor(ApprovalProgress approval, Duration asked) {
    if (approval == null || approval.approvedDuration() == null) {
      return null;
    }
    return HumanText.duration(approval.approvedDuration())
        + " (you asked for "
        + HumanText.duration(asked)
        + ")";
  }
}
