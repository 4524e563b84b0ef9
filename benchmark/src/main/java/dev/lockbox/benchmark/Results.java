package dev.lockbox.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The headline figures of one run, as {@code --out} writes them. A figure whose phase did not run
 * is null. Ratios are Lockbox's figure over the bare SDK's (latency: lower is better; throughput:
 * higher is better).
 */
record Results(
    Double createP50Ms,
    Double createP99Ms,
    Double createP50RatioSameShape,
    Double createP50RatioTrivial,
    Double createThroughputRatioSameShape,
    Double approveP50RatioSameShape,
    Double approveP99RatioSameShape,
    Double listPendingP99Ms1k,
    Double listPendingP99Ms10k,
    Double workerHeapKibPerOpen,
    Double timerLatenessP99Ms,
    Integer historyEventsApprovePath,
    Long startupMs,
    String server) {

  /** The memory run whose figure is reported: Lockbox's default worker settings, else the first. */
  static final String DEFAULT_CONFIG = "200:250";

  /** The headline figures from what each phase measured (null: the phase did not run). */
  static Results of(
      LatencyFigures latency,
      List<Listing.Size> listing,
      Timers.Figures timers,
      List<ProbeResult> memory,
      Long startupMs,
      String server) {
    return new Results(
        latency == null ? null : millis(latency.lockboxCreate().p50()),
        latency == null ? null : millis(latency.lockboxCreate().p99()),
        latency == null
            ? null
            : ratio(latency.lockboxCreate().p50(), latency.sameShapeCreate().p50()),
        latency == null
            ? null
            : ratio(latency.lockboxCreate().p50(), latency.trivialCreate().p50()),
        latency == null ? null : ratio(latency.lockboxRate(), latency.sameShapeRate()),
        latency == null
            ? null
            : ratio(latency.lockboxApprove().p50(), latency.sameShapeApprove().p50()),
        latency == null
            ? null
            : ratio(latency.lockboxApprove().p99(), latency.sameShapeApprove().p99()),
        listP99(listing, 1_000),
        listP99(listing, 10_000),
        heapPerOpen(memory),
        timers == null ? null : millis(timers.fired().p99()),
        timers == null ? null : timers.approvePathEvents(),
        startupMs,
        server);
  }

  private static Double listP99(List<Listing.Size> listing, int open) {
    if (listing == null) {
      return null;
    }
    return listing.stream()
        .filter(size -> size.open() == open)
        .findFirst()
        .map(size -> millis(size.latency().p99()))
        .orElse(null);
  }

  private static Double heapPerOpen(List<ProbeResult> memory) {
    if (memory == null || memory.isEmpty()) {
      return null;
    }
    ProbeResult run =
        memory.stream()
            .filter(r -> (r.cacheSize() + ":" + r.threads()).equals(DEFAULT_CONFIG))
            .findFirst()
            .orElse(memory.get(0));
    return round(run.heapGrowth() / 1024.0 / run.open());
  }

  /** The keys in the order the file lists them. */
  Map<String, Object> asMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("create_p50_ms", createP50Ms);
    map.put("create_p99_ms", createP99Ms);
    map.put("create_p50_ratio_same_shape", createP50RatioSameShape);
    map.put("create_p50_ratio_trivial", createP50RatioTrivial);
    map.put("create_throughput_ratio_same_shape", createThroughputRatioSameShape);
    map.put("approve_p50_ratio_same_shape", approveP50RatioSameShape);
    map.put("approve_p99_ratio_same_shape", approveP99RatioSameShape);
    map.put("list_pending_p99_ms_1k", listPendingP99Ms1k);
    map.put("list_pending_p99_ms_10k", listPendingP99Ms10k);
    map.put("worker_heap_kib_per_open", workerHeapKibPerOpen);
    map.put("timer_lateness_p99_ms", timerLatenessP99Ms);
    map.put("history_events_approve_path", historyEventsApprovePath);
    map.put("startup_ms", startupMs);
    map.put("server", server);
    return map;
  }

  String toJson() {
    return JsonMapper.builder()
        .enable(SerializationFeature.INDENT_OUTPUT)
        .build()
        .writeValueAsString(asMap());
  }

  void write(Path file) {
    try {
      Files.writeString(file, toJson() + System.lineSeparator());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Microseconds to milliseconds, rounded to 0.01 ms. */
  static double millis(long micros) {
    return round(micros / 1000.0);
  }

  /** Rounded to two decimals, so the file stays readable. */
  static double round(double value) {
    return Math.round(value * 100) / 100.0;
  }

  static Double ratio(double lockbox, double bare) {
    return bare > 0 ? round(lockbox / bare) : null;
  }
}
