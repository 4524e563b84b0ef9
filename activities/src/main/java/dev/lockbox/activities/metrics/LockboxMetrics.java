package dev.lockbox.activities.metrics;

import dev.lockbox.workflows.model.DecisionKind;
import dev.lockbox.workflows.model.DecisionRecord;
import dev.lockbox.workflows.model.LockboxStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Lockbox's own metrics, next to Temporal's at {@code /actuator/prometheus}:
 *
 * <ul>
 *   <li>{@code lockbox_requests_total{status}}: requests that reached each status (the final ones
 *       are the outcomes: REJECTED, DENIED, EXPIRED, CANCELED, COMPLETED);
 *   <li>{@code lockbox_decision_time_seconds{decision}}: from creation to the customer's approve or
 *       deny;
 *   <li>{@code lockbox_grants_active}: grants in force in the built-in access system (NaN with the
 *       webhook adapter: the access system outside keeps its grants);
 *   <li>{@code lockbox_emails_failed_total}: notification emails given up on;
 *   <li>{@code lockbox_access_calls_failed_total{call}}: grant or revoke attempts the access system
 *       failed (each is retried; a rising count for {@code revoke} means access waits on its own
 *       expiry);
 *   <li>{@code lockbox_reconciler_orphaned_grants_total}: live grants the reconciler revoked
 *       because their request could no longer end them;
 *   <li>{@code lockbox_reconciler_missing_grants_total}: granted requests the reconciler found
 *       without a live grant.
 * </ul>
 *
 * Every series exists from start at zero, so dashboards and alerts see "none yet" rather than "no
 * data".
 */
public class LockboxMetrics {

  private final Map<LockboxStatus, Counter> requests = new EnumMap<>(LockboxStatus.class);
  private final Map<DecisionKind, Timer> decisionTimes = new EnumMap<>(DecisionKind.class);
  private final Counter emailsFailed;
  private final Map<String, Counter> accessCallsFailed = new java.util.HashMap<>();
  private final Counter orphanedGrants;
  private final Counter missingGrants;

  public LockboxMetrics(MeterRegistry registry, Supplier<Number> liveGrants) {
    for (LockboxStatus status : LockboxStatus.values()) {
      requests.put(
          status,
          Counter.builder("lockbox.requests")
              .description("Lockbox requests that reached a status")
              .tag("status", status.name())
              .register(registry));
    }
    for (DecisionKind kind : new DecisionKind[] {DecisionKind.APPROVE, DecisionKind.DENY}) {
      decisionTimes.put(
          kind,
          Timer.builder("lockbox.decision.time")
              .description("Time from a request's creation to the customer's decision")
              .tag("decision", kind.name())
              .register(registry));
    }
    Gauge.builder("lockbox.grants.active", liveGrants)
        .description("Grants in force in the built-in access system")
        .register(registry);
    emailsFailed =
        Counter.builder("lockbox.emails.failed")
            .description("Notification emails that could not be delivered")
            .register(registry);
    for (String call : new String[] {"grant", "extend", "revoke"}) {
      accessCallsFailed.put(
          call,
          Counter.builder("lockbox.access.calls.failed")
              .description(
                  "Grant, extend or revoke attempts that failed at the access system (retried)")
              .tag("call", call)
              .register(registry));
    }
    orphanedGrants =
        Counter.builder("lockbox.reconciler.orphaned.grants")
            .description("Live grants revoked by the reconciler: their request could not end them")
            .register(registry);
    missingGrants =
        Counter.builder("lockbox.reconciler.missing.grants")
            .description("Granted requests the reconciler found without a live grant")
            .register(registry);
  }

  /**
   * Call once per status change (the read model tells when a change is new).
   *
   * @param decision the request's decision so far, if any
   */
  public void statusReached(LockboxStatus status, Instant createdAt, DecisionRecord decision) {
    requests.get(status).increment();
    boolean customerDecided = status == LockboxStatus.APPROVED || status == LockboxStatus.DENIED;
    if (customerDecided && decision != null && decisionTimes.containsKey(decision.kind())) {
      decisionTimes.get(decision.kind()).record(Duration.between(createdAt, decision.at()));
    }
  }

  /** For the notifier: an email was given up on (after its retries, or refused by the provider). */
  public void emailFailed() {
    emailsFailed.increment();
  }

  /** For the access activities: one attempt of {@code grant} or {@code revoke} failed. */
  public void accessCallFailed(String call) {
    accessCallsFailed.get(call).increment();
  }

  public void orphanedGrantRevoked() {
    orphanedGrants.increment();
  }

  public void missingGrantFound() {
    missingGrants.increment();
  }
}
