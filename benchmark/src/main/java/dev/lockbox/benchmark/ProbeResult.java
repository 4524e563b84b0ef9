package dev.lockbox.benchmark;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What one memory run (its own JVM) measured, passed to the parent as one line of {@code key=value}
 * pairs. Memory in bytes, latencies in microseconds.
 */
record ProbeResult(
    int cacheSize,
    int threads,
    int open,
    int heapMb,
    Memory.Snapshot before,
    Memory.Snapshot after,
    Latencies.Summary create,
    double createsPerSecond,
    Latencies.Summary decide,
    CacheCounters counters) {

  /**
   * The Temporal SDK's sticky-cache and workflow-task counters over the whole run (warm-up
   * included).
   */
  record CacheCounters(long hits, long misses, long threadForcedEvictions, long taskFailures) {}

  static final String PREFIX = "PROBE ";

  long heapGrowth() {
    return after.heapUsed() - before.heapUsed();
  }

  long rssGrowth() {
    return after.rss() - before.rss();
  }

  String toLine() {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("cacheSize", cacheSize);
    values.put("threads", threads);
    values.put("open", open);
    values.put("heapMb", heapMb);
    put(values, "before.", before);
    put(values, "after.", after);
    put(values, "create.", create);
    values.put("createsPerSecond", createsPerSecond);
    put(values, "decide.", decide);
    values.put("cache.hits", counters.hits());
    values.put("cache.misses", counters.misses());
    values.put("cache.threadForcedEvictions", counters.threadForcedEvictions());
    values.put("cache.taskFailures", counters.taskFailures());
    return PREFIX
        + values.entrySet().stream()
            .map(e -> e.getKey() + "=" + e.getValue())
            .collect(Collectors.joining(" "));
  }

  static ProbeResult parse(String line) {
    if (!line.startsWith(PREFIX)) {
      throw new IllegalArgumentException("not a probe line: " + line);
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (String pair : line.substring(PREFIX.length()).trim().split(" ")) {
      int eq = pair.indexOf('=');
      if (eq < 1) {
        throw new IllegalArgumentException("not key=value: '" + pair + "' in " + line);
      }
      values.put(pair.substring(0, eq), pair.substring(eq + 1));
    }
    return new ProbeResult(
        integer(values, "cacheSize"),
        integer(values, "threads"),
        integer(values, "open"),
        integer(values, "heapMb"),
        snapshot(values, "before."),
        snapshot(values, "after."),
        summary(values, "create."),
        Double.parseDouble(required(values, "createsPerSecond")),
        summary(values, "decide."),
        new CacheCounters(
            longValue(values, "cache.hits"),
            longValue(values, "cache.misses"),
            longValue(values, "cache.threadForcedEvictions"),
            longValue(values, "cache.taskFailures")));
  }

  private static void put(Map<String, Object> values, String prefix, Memory.Snapshot s) {
    values.put(prefix + "heapUsed", s.heapUsed());
    values.put(prefix + "rss", s.rss());
    values.put(prefix + "threads", s.threads());
    values.put(prefix + "workflowThreads", s.workflowThreads());
  }

  private static void put(Map<String, Object> values, String prefix, Latencies.Summary s) {
    values.put(prefix + "count", s.count());
    values.put(prefix + "p50", s.p50());
    values.put(prefix + "p90", s.p90());
    values.put(prefix + "p99", s.p99());
    values.put(prefix + "max", s.max());
    values.put(prefix + "mean", s.mean());
  }

  private static Memory.Snapshot snapshot(Map<String, String> values, String prefix) {
    return new Memory.Snapshot(
        longValue(values, prefix + "heapUsed"),
        longValue(values, prefix + "rss"),
        integer(values, prefix + "threads"),
        integer(values, prefix + "workflowThreads"));
  }

  private static Latencies.Summary summary(Map<String, String> values, String prefix) {
    return new Latencies.Summary(
        longValue(values, prefix + "count"),
        longValue(values, prefix + "p50"),
        longValue(values, prefix + "p90"),
        longValue(values, prefix + "p99"),
        longValue(values, prefix + "max"),
        Double.parseDouble(required(values, prefix + "mean")));
  }

  private static int integer(Map<String, String> values, String key) {
    return Integer.parseInt(required(values, key));
  }

  private static long longValue(Map<String, String> values, String key) {
    return Long.parseLong(required(values, key));
  }

  private static String required(Map<String, String> values, String key) {
    String value = values.get(key);
    if (value == null) {
      throw new IllegalArgumentException("probe line lacks " + key);
    }
    return value;
  }
}
