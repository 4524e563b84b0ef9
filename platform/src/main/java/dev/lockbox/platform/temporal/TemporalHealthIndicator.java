package dev.lockbox.platform.temporal;

import java.time.Duration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/** The {@code temporal} health component: can this process reach Temporal and its namespace now? */
public class TemporalHealthIndicator implements HealthIndicator {

  /** Short: a health check must answer even when Temporal hangs. */
  static final Duration DEADLINE = Duration.ofSeconds(2);

  private final TemporalProbe probe;

  public TemporalHealthIndicator(TemporalProbe probe) {
    this.probe = probe;
  }

  @Override
  public Health health() {
    TemporalSettings settings = probe.settings();
    TemporalProbe.Answer answer = probe.check(DEADLINE);
    Health.Builder health =
        answer.ok()
            ? Health.up().withDetail("serverVersion", answer.serverVersion())
            : Health.down().withDetail("error", answer.problem());
    return health
        .withDetail("address", settings.address())
        .withDetail("namespace", settings.namespace())
        .build();
  }
}
