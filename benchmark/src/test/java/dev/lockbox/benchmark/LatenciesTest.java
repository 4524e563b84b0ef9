package dev.lockbox.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LatenciesTest {

  @Test
  void percentilesOfRecordedNanosecondsInMicroseconds() {
    Latencies latencies = new Latencies();
    for (int ms = 1; ms <= 100; ms++) {
      latencies.record(TimeUnit.MILLISECONDS.toNanos(ms));
    }

    Latencies.Summary s = latencies.summary();

    assertThat(s.count()).isEqualTo(100);
    // HdrHistogram keeps 3 significant digits: within 0.1 %.
    assertThat((double) s.p50()).isCloseTo(50_000, within(50.0));
    assertThat((double) s.p90()).isCloseTo(90_000, within(90.0));
    assertThat((double) s.p99()).isCloseTo(99_000, within(99.0));
    assertThat((double) s.max()).isCloseTo(100_000, within(100.0));
    assertThat(s.mean()).isCloseTo(50_500, within(60.0));
  }

  @Test
  void subMicrosecondCallsCountAsOneMicrosecond() {
    Latencies latencies = new Latencies();
    latencies.record(10);

    assertThat(latencies.summary().max()).isEqualTo(1);
  }

  @Test
  void timeRecordsOneValuePerCallAndPassesTheResultOn() {
    Latencies latencies = new Latencies();

    assertThat(latencies.time(() -> "id-1")).isEqualTo("id-1");
    latencies.time(() -> {});

    assertThat(latencies.summary().count()).isEqualTo(2);
  }
}
