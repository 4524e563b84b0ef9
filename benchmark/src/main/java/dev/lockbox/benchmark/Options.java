package dev.lockbox.benchmark;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The benchmark's flags ({@code --name=value}); the defaults keep a run to a few minutes on 2
 * cores.
 */
record Options(
    Set<String> phases,
    int warmup,
    int ops,
    int concurrency,
    int throughputOps,
    int cacheSize,
    int threads,
    int open,
    List<CacheConfig> configs,
    int decisions,
    int probeHeapMb,
    boolean verbose) {

  static final String USAGE =
      """
      java -jar benchmark/target/lockbox-benchmark.jar [flags]

        --phases=latency,memory   what to run (default: both)
        --warmup=50               calls of each kind before measuring
        --ops=200                 sequential calls measured per kind (create, decide; Lockbox and bare)
        --concurrency=8           client threads for the throughput runs and for filling open requests
        --throughput-ops=300      calls per throughput run
        --cache-size=N --threads=N  worker settings of the latency phase (default: Lockbox's defaults)
        --open=1000               PENDING requests held open in each memory run
        --configs=200:250,600:200,2000:2050
                                  memory runs: workflow-cache-size:max-workflow-threads (one JVM each)
        --decisions=100           approvals of randomly chosen open requests per memory run
        --probe-heap=MB           heap of each memory run's JVM (default: 512 + open/10)
        --verbose                 keep Spring's and Temporal's logs
      """;

  static Options parse(String... args) {
    Map<String, String> values = new LinkedHashMap<>();
    for (String arg : args) {
      if (!arg.startsWith("--")) {
        throw new IllegalArgumentException("unexpected argument '" + arg + "'\n" + USAGE);
      }
      int eq = arg.indexOf('=');
      values.put(
          eq < 0 ? arg.substring(2) : arg.substring(2, eq),
          eq < 0 ? "true" : arg.substring(eq + 1));
    }
    Set<String> known =
        Set.of(
            "phases",
            "warmup",
            "ops",
            "concurrency",
            "throughput-ops",
            "cache-size",
            "threads",
            "open",
            "configs",
            "decisions",
            "probe-heap",
            "verbose");
    for (String name : values.keySet()) {
      if (!known.contains(name)) {
        throw new IllegalArgumentException("unknown flag --" + name + "\n" + USAGE);
      }
    }
    Set<String> phases = Set.of(values.getOrDefault("phases", "latency,memory").split(","));
    for (String phase : phases) {
      if (!phase.equals("latency") && !phase.equals("memory")) {
        throw new IllegalArgumentException(
            "--phases: '" + phase + "' is neither latency nor memory");
      }
    }
    int open = positive(values, "open", 1000);
    return new Options(
        phases,
        atLeast(values, "warmup", 50, 0),
        positive(values, "ops", 200),
        positive(values, "concurrency", 8),
        positive(values, "throughput-ops", 300),
        atLeast(values, "cache-size", 0, 0),
        atLeast(values, "threads", 0, 0),
        open,
        CacheConfig.parseList(values.getOrDefault("configs", "200:250,600:200,2000:2050")),
        atLeast(values, "decisions", 100, 0),
        positive(values, "probe-heap", 512 + open / 10),
        Boolean.parseBoolean(values.getOrDefault("verbose", "false")));
  }

  private static int positive(Map<String, String> values, String name, int fallback) {
    return atLeast(values, name, fallback, 1);
  }

  private static int atLeast(Map<String, String> values, String name, int fallback, int min) {
    String value = values.get(name);
    if (value == null) {
      return fallback;
    }
    int number;
    try {
      number = Integer.parseInt(value.replace("_", ""));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--" + name + ": '" + value + "' is not a whole number");
    }
    if (number < min) {
      throw new IllegalArgumentException(
          "--" + name + ": must be at least " + min + ", was " + number);
    }
    return number;
  }

  /** One memory run's worker settings. */
  record CacheConfig(int cacheSize, int threads) {

    /**
     * "600:200" is cache 600 with 200 workflow threads; "600" alone means as many threads as cache.
     */
    static List<CacheConfig> parseList(String text) {
      List<CacheConfig> configs = new ArrayList<>();
      for (String item : text.split(",")) {
        String[] parts = item.trim().split(":");
        try {
          if (parts.length == 1) {
            int size = Integer.parseInt(parts[0]);
            configs.add(new CacheConfig(size, size));
          } else if (parts.length == 2) {
            configs.add(new CacheConfig(Integer.parseInt(parts[0]), Integer.parseInt(parts[1])));
          } else {
            throw new NumberFormatException();
          }
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException(
              "--configs: '"
                  + item
                  + "' is not cache:threads (e.g. 600:200) or a cache size (e.g. 600)");
        }
      }
      for (CacheConfig config : configs) {
        if (config.cacheSize() < 1 || config.threads() < 2) {
          throw new IllegalArgumentException(
              "--configs: " + config + " needs a cache of 1+ and 2+ threads");
        }
      }
      return List.copyOf(configs);
    }

    @Override
    public String toString() {
      return cacheSize + ":" + threads;
    }
  }
}
