package dev.lockbox.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ResultsTest {

  /** The keys issue #13 asks of results.json, in its order. */
  static final List<String> KEYS =
      List.of(
          "create_p50_ms",
          "create_p99_ms",
          "create_p50_ratio_same_shape",
          "create_p50_ratio_trivial",
          "create_throughput_ratio_same_shape",
          "approve_p50_ratio_same_shape",
          "approve_p99_ratio_same_shape",
          "list_pending_p99_ms_1k",
          "list_pending_p99_ms_10k",
          "worker_heap_kib_per_open",
          "timer_lateness_p99_ms",
          "history_events_approve_path",
          "startup_ms",
          "server");

  @Test
  void theFileHasEveryKeyWithTheFiguresOfEachPhase(@TempDir Path folder) {
    Path file = folder.resolve("results.json");

    results().write(file);

    JsonNode json = JsonMapper.builder().build().readTree(read(file));
    List<String> names = new ArrayList<>(json.propertyNames());
    assertThat(names).containsExactlyElementsOf(KEYS);
    assertThat(json.path("create_p50_ms").asDouble()).isEqualTo(50.0);
    assertThat(json.path("create_p99_ms").asDouble()).isEqualTo(90.0);
    assertThat(json.path("create_p50_ratio_same_shape").asDouble()).isEqualTo(2.5);
    assertThat(json.path("create_p50_ratio_trivial").asDouble()).isEqualTo(5.0);
    assertThat(json.path("create_throughput_ratio_same_shape").asDouble()).isEqualTo(0.5);
    assertThat(json.path("approve_p50_ratio_same_shape").asDouble()).isEqualTo(1.5);
    assertThat(json.path("approve_p99_ratio_same_shape").asDouble()).isEqualTo(2.0);
    assertThat(json.path("list_pending_p99_ms_1k").asDouble()).isEqualTo(4.0);
    assertThat(json.path("list_pending_p99_ms_10k").asDouble()).isEqualTo(12.5);
    assertThat(json.path("worker_heap_kib_per_open").asDouble()).isEqualTo(64.0);
    assertThat(json.path("timer_lateness_p99_ms").asDouble()).isEqualTo(250.0);
    assertThat(json.path("history_events_approve_path").asInt()).isEqualTo(61);
    assertThat(json.path("startup_ms").asLong()).isEqualTo(4321);
    assertThat(json.path("server").asString()).isEqualTo("in-process test server");
  }

  @Test
  void aPhaseThatDidNotRunLeavesItsKeysNull(@TempDir Path folder) {
    Path file = folder.resolve("results.json");

    Results.of(null, null, null, null, null, "Temporal server 1.29.1 at 127.0.0.1:7233")
        .write(file);

    JsonNode json = JsonMapper.builder().build().readTree(read(file));
    assertThat(new ArrayList<>(json.propertyNames())).containsExactlyElementsOf(KEYS);
    assertThat(json.get("create_p50_ms").isNull()).isTrue();
    assertThat(json.get("history_events_approve_path").isNull()).isTrue();
  }

  private static Results results() {
    LatencyFigures latency =
        new LatencyFigures(
            summary(50_000, 90_000),
            summary(10_000, 40_000),
            summary(20_000, 45_000),
            summary(30_000, 80_000),
            summary(5_000, 30_000),
            summary(20_000, 40_000),
            40,
            300,
            80);
    List<Listing.Size> listing =
        List.of(
            new Listing.Size(1_000, 1_000, 1_000, 0, summary(2_000, 4_000)),
            new Listing.Size(10_000, 10_000, 1_000, 9_000, summary(6_000, 12_500)));
    Map<Integer, Integer> events = new TreeMap<>(Map.of(61, 199, 64, 1));
    Map<Integer, Integer> commandEvents = new TreeMap<>(Map.of(40, 200));
    Timers.Figures timers =
        new Timers.Figures(
            200,
            java.time.Duration.ofSeconds(20),
            5.0,
            summary(100_000, 250_000),
            summary(150_000, 300_000),
            61,
            40,
            events,
            commandEvents);
    Memory.Snapshot before = new Memory.Snapshot(100L << 20, 400L << 20, 80, 0);
    Memory.Snapshot after =
        new Memory.Snapshot((100L << 20) + 300 * 64 * 1024, 430L << 20, 300, 200);
    ProbeResult other =
        new ProbeResult(
            600, 200, 300, 612, before, before, summary(1, 1), 10, summary(1, 1), counters());
    ProbeResult defaults =
        new ProbeResult(
            200, 250, 300, 612, before, after, summary(1, 1), 10, summary(1, 1), counters());
    return Results.of(
        latency, listing, timers, List.of(other, defaults), 4321L, "in-process test server");
  }

  private static Latencies.Summary summary(long p50Micros, long p99Micros) {
    return new Latencies.Summary(100, p50Micros, p99Micros, p99Micros, p99Micros, p50Micros);
  }

  private static ProbeResult.CacheCounters counters() {
    return new ProbeResult.CacheCounters(0, 0, 0, 0);
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
