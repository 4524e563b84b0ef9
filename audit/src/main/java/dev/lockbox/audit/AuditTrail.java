package dev.lockbox.audit;

import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.common.WorkflowExecutionHistory;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The one code path from a lockbox workflow's history to its readable audit events, used by the
 * API, the portal's activity log and the exports. Events come out in history order.
 */
public final class AuditTrail {

  private AuditTrail() {}

  public static List<AuditEvent> of(String requestId, WorkflowExecutionHistory history) {
    return of(requestId, history.getEvents());
  }

  public static List<AuditEvent> of(String requestId, List<HistoryEvent> history) {
    TrailContext trail = new TrailContext(requestId);
    List<AuditEvent> events = new ArrayList<>();
    for (HistoryEvent e : history) {
      Optional<Fired> fired = trail.read(e);
      fired
          .flatMap(f -> AuditRules.ruleFor(f.trigger()).flatMap(rule -> event(trail, rule, f, e)))
          .ifPresent(events::add);
    }
    return events;
  }

  /** A rule may find that this occurrence is not an audit event (its attributor answers null). */
  private static Optional<AuditEvent> event(
      TrailContext trail, AuditRules.Rule rule, Fired fired, HistoryEvent e) {
    Attribution by = rule.attributor().attribute(trail, fired);
    return by == null ? Optional.empty() : Optional.of(trail.event(rule.action(), by, e));
  }
}
