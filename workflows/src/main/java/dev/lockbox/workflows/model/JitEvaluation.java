package dev.lockbox.workflows.model;

import java.util.List;

/** The JIT policy's answer, with the matched rule and its reasons in plain words. */
public record JitEvaluation(JitOutcome outcome, String ruleId, List<String> reasons) {

  public JitEvaluation {
    reasons = List.copyOf(reasons);
  }
}
