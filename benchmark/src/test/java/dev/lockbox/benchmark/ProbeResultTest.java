package dev.lockbox.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ProbeResultTest {

  private final ProbeResult result =
      new ProbeResult(
          600,
          200,
          1000,
          612,
          new Memory.Snapshot(150_000_000, 900_000_000, 90, 0),
          new Memory.Snapshot(210_000_000, 960_000_000, 290, 196),
          new Latencies.Summary(1000, 117_000, 200_000, 367_000, 500_000, 120_500.25),
          60.3,
          new Latencies.Summary(100, 44_400, 60_000, 74_800, 80_000, 45_000.5),
          new ProbeResult.CacheCounters(5000, 101, 228, 1));

  @Test
  void theLineTheChildPrintsParsesBackToTheSameResult() {
    String line = result.toLine();

    assertThat(line).startsWith("PROBE cacheSize=600 threads=200 open=1000 ").doesNotContain("\n");
    assertThat(ProbeResult.parse(line)).isEqualTo(result);
  }

  @Test
  void growthIsAfterMinusBefore() {
    assertThat(result.heapGrowth()).isEqualTo(60_000_000);
    assertThat(result.rssGrowth()).isEqualTo(60_000_000);
  }

  @Test
  void anIncompleteLineIsRefused() {
    String line = result.toLine().replace(" cache.taskFailures=1", "");

    assertThatThrownBy(() -> ProbeResult.parse(line))
        .hasMessageContaining("lacks cache.taskFailures");
    assertThatThrownBy(() -> ProbeResult.parse("Started Lockbox"))
        .hasMessageContaining("not a probe line");
  }
}
