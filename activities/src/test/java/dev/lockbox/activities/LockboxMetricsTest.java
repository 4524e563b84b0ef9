package dev.lockbox.activities;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lockbox.activities.metrics.LockboxMetrics;
import dev.lockbox.workflows.model.Channel;
import dev.lockbox.workflows.model.DecisionKind;
import dev.lockbox.workflows.model.DecisionRecord;
import dev.lockbox.workflows.model.LockboxStatus;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LockboxMetricsTest {

  private static final Instant CREATED = Instant.parse("2026-11-28T10:00:00Z");

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final AtomicLong liveGrants = new AtomicLong();
  private final LockboxMetrics metrics = new LockboxMetrics(registry, liveGrants::get);

  @Test
  void everySeriesExistsAtZeroBeforeAnythingHappens() {
    assertThat(requests(LockboxStatus.COMPLETED)).isZero();
    assertThat(registry.get("lockbox.emails.failed").counter().count()).isZero();
    assertThat(registry.get("lockbox.decision.time").tag("decision", "DENY").timer().count())
        .isZero();
    assertThat(registry.get("lockbox.grants.active").gauge().value()).isZero();
    assertThat(registry.get("lockbox.access.calls.failed").tag("call", "revoke").counter().count())
        .isZero();
    assertThat(registry.get("lockbox.reconciler.orphaned.grants").counter().count()).isZero();
    assertThat(registry.get("lockbox.reconciler.missing.grants").counter().count()).isZero();
  }

  @Test
  void statusChangesAreCountedByStatus_andACustomerDecisionTimesTheWait() {
    DecisionRecord approval =
        new DecisionRecord(
            DecisionKind.APPROVE, "contoso-owner", Channel.API, null, CREATED.plusSeconds(90));

    metrics.statusReached(LockboxStatus.PENDING, CREATED, null);
    metrics.statusReached(LockboxStatus.APPROVED, CREATED, approval);
    metrics.statusReached(LockboxStatus.ACCESS_GRANTED, CREATED, approval);

    assertThat(requests(LockboxStatus.PENDING)).isEqualTo(1);
    assertThat(requests(LockboxStatus.APPROVED)).isEqualTo(1);
    assertThat(requests(LockboxStatus.DENIED)).isZero();
    var timer = registry.get("lockbox.decision.time").tag("decision", "APPROVE").timer();
    // Timed once, at the decision, not again when access is granted.
    assertThat(timer.count()).isEqualTo(1);
    assertThat(timer.totalTime(TimeUnit.SECONDS)).isEqualTo(90.0);
  }

  @Test
  void anExpiryIsAnOutcomeButNotACustomerDecision() {
    DecisionRecord expiry =
        DecisionRecord.bySystem(
            DecisionKind.EXPIRE, "approval window elapsed", CREATED.plusSeconds(30));

    metrics.statusReached(LockboxStatus.EXPIRED, CREATED, expiry);

    assertThat(requests(LockboxStatus.EXPIRED)).isEqualTo(1);
    assertThat(registry.get("lockbox.decision.time").timers())
        .allSatisfy(t -> assertThat(t.count()).isZero());
  }

  @Test
  void grantsActiveFollowsTheAccessSystem_andEmailFailuresCount() {
    liveGrants.set(1);
    metrics.emailFailed();
    metrics.emailFailed();

    assertThat(registry.get("lockbox.grants.active").gauge().value()).isEqualTo(1.0);
    assertThat(registry.get("lockbox.emails.failed").counter().count()).isEqualTo(2.0);
  }

  private double requests(LockboxStatus status) {
    return registry.get("lockbox.requests").tag("status", status.name()).counter().count();
  }
}
