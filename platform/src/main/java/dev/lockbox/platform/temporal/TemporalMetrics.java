package dev.lockbox.platform.temporal;

import com.uber.m3.tally.RootScopeBuilder;
import com.uber.m3.tally.Scope;
import io.micrometer.core.instrument.MeterRegistry;
import io.temporal.common.reporter.MicrometerClientStatsReporter;

/**
 * Bridges the Temporal SDK's metrics (tally) into the application's Micrometer registry, so the
 * client's and the worker's {@code temporal_*} metrics appear at {@code /actuator/prometheus}.
 */
final class TemporalMetrics {

  /** How often tally hands its counters to Micrometer; Prometheus scrapes at its own pace. */
  static final com.uber.m3.util.Duration REPORT_EVERY = com.uber.m3.util.Duration.ofSeconds(10);

  private TemporalMetrics() {}

  static Scope scope(MeterRegistry registry) {
    return new RootScopeBuilder()
        .reporter(new MicrometerClientStatsReporter(registry))
        .reportEvery(REPORT_EVERY);
  }
}
