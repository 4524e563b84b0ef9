package dev.lockbox.policy;

import dev.lockbox.workflows.model.JitOutcome;
import java.time.Duration;
import java.util.List;
import org.springframework.expression.EvaluationContext;
import org.springframework.expression.Expression;
import org.springframework.expression.spel.support.SimpleEvaluationContext;

/**
 * One rule of the rules file. It matches when its structured conditions and its optional SpEL
 * condition hold; the first matching rule decides.
 *
 * @param because reasons in plain words; {scenario} and {identity} are filled in
 */
record Rule(
    String id,
    RuleMatch match,
    Expression condition,
    JitOutcome outcome,
    List<String> because,
    String internalApproval,
    Duration maxAccessDuration) {

  /**
   * Read-only: a condition can read the facts' properties and nothing else (no types, no calls).
   */
  private static final EvaluationContext CONTEXT =
      SimpleEvaluationContext.forReadOnlyDataBinding().build();

  Rule {
    because = List.copyOf(because);
  }

  boolean matches(RequestFacts facts) {
    return match.matches(facts)
        && (condition == null
            || Boolean.TRUE.equals(condition.getValue(CONTEXT, facts, Boolean.class)));
  }

  boolean isCatchAll() {
    return match.isEmpty() && condition == null;
  }
}
