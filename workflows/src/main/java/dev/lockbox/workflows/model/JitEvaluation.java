package dev.lockbox.workflows.model;

import java.time.Duration;
import java.util.List;

/**
 * The JIT policy's answer, with the matched rule and its reasons in plain words.
 *
 * @param internalApprovalRole a provider role that must approve before the customer is asked (or
 *     before access is granted without Lockbox); null when no internal approval is needed
 * @param maxAccessDuration the longest access the matched rule allows; null for no rule limit
 */
public record JitEvaluation(
    JitOutcome outcome,
    String ruleId,
    List<String> reasons,
    String internalApprovalRole,
    Duration maxAccessDuration) {

  public JitEvaluation {
    reasons = List.copyOf(reasons);
  }

  public JitEvaluation(JitOutcome outcome, String ruleId, List<String> reasons) {
    this(outcome, ruleId, reasons, null, null);
  }

  public boolean needsInternalApproval() {
    return internalApprovalRole != null && outcome != JitOutcome.REJECT;
  }
}
