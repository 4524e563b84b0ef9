package dev.lockbox.workflows.model;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The JIT policy's answer, with the matched rule and its reasons in plain words.
 *
 * @param internalApprovalRole a provider role that must approve before the customer is asked (or
 *     before access is granted without Lockbox); null when no internal approval is needed
 * @param maxAccessDuration the longest access the matched rule allows; null for no rule limit
 * @param maxTotalExtension how much more time, in all, extensions of the request may add; null in
 *     evaluations made before extensions, which allow none
 */
public record JitEvaluation(
    JitOutcome outcome,
    String ruleId,
    List<String> reasons,
    String internalApprovalRole,
    Duration maxAccessDuration,
    Duration maxTotalExtension) {

  public JitEvaluation {
    reasons = List.copyOf(reasons);
  }

  public JitEvaluation(
      JitOutcome outcome,
      String ruleId,
      List<String> reasons,
      String internalApprovalRole,
      Duration maxAccessDuration) {
    this(outcome, ruleId, reasons, internalApprovalRole, maxAccessDuration, null);
  }

  public JitEvaluation(JitOutcome outcome, String ruleId, List<String> reasons) {
    this(outcome, ruleId, reasons, null, null);
  }

  /** This evaluation turned into a refusal, with one more reason (e.g. nobody can approve). */
  public JitEvaluation rejectedBecause(String reason) {
    List<String> more = new ArrayList<>(reasons);
    more.add(reason);
    return new JitEvaluation(
        JitOutcome.REJECT,
        ruleId,
        more,
        internalApprovalRole,
        maxAccessDuration,
        maxTotalExtension);
  }

  public boolean needsInternalApproval() {
    return internalApprovalRole != null && outcome != JitOutcome.REJECT;
  }
}
