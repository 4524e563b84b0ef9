package dev.lockbox.benchmark;

import java.time.Duration;
import java.time.format.DateTimeParseException;
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
    boolean verbose,
    boolean quick,
    String out,
    String temporal,
    List<Integer> listSizes,
    int listQueries,
    int apiFillLimit,
    int timers,
    Duration timerWindow,
    boolean floorLocalLookups) {

  /**
   * Flags without a value; every other flag takes one ({@code --name=value} or {@code --name
   * value}).
   */
  static final Set<String> SWITCHES = Set.of("quick", "verbose", "help");

  static final Set<String> PHASES = Set.of("latency", "listing", "timers", "memory");

  static final String USAGE =
      """
      java -jar benchmark/target/lockbox-benchmark.jar [flags]

        --quick                   a short run (about 3 minutes on 2 idle cores): fewer calls, one
                                  memory run, 100 timers, the 10,000 listing partly filled into the
                                  read model
        --out FILE                also write the headline figures as JSON (see docs/performance.md)
        --temporal=in-process     where Temporal runs: in-process (default; the test server lockbox.jar
                                  embeds), dev (the benchmark starts temporal server start-dev on a
                                  SQLite file in a temporary folder), or HOST:PORT of a running server
        --phases=latency,listing,timers,memory   what to run (default: all)
        --warmup=50               calls of each kind before measuring (quick: 10)
        --ops=200                 sequential calls measured per kind (create, decide; Lockbox and bare)
                                  (quick: 60)
        --concurrency=8           client threads for the throughput runs and for filling open requests
        --throughput-ops=300      calls per throughput run (quick: 100)
        --cache-size=N --threads=N  worker settings of the latency phase (default: Lockbox's defaults)
        --list=1000,10000         open PENDING requests of one tenant at which the listing is timed
        --list-queries=200        timed GET /api/lockbox-requests?status=PENDING per size (quick: 100)
        --api-fill=N              at most N of those created over the API, the rest written straight
                                  into the read model (default: all over the API; quick: 300)
        --timers=1000             requests approved with a short access window (quick: 100)
        --timer-window=PT60S      their access window, so their revoke timers are due within it
                                  (quick: PT15S)
        --open=1000               PENDING requests held open in each memory run (quick: 150)
        --configs=200:250,600:200,2000:2050
                                  memory runs: workflow-cache-size:max-workflow-threads (one JVM each)
                                  (quick: 200:250)
        --decisions=100           approvals of randomly chosen open requests per memory run (quick: 20)
        --probe-heap=MB           heap of each memory run's JVM (default: 512 + open/10)
        --floor-lookups=local     how the same-shape floor runs the policy evaluation and the
                                  approver look-up: local activities (as Lockbox does since
                                  policy-and-approvers-as-local-activities) or activities (as before)
        --verbose                 keep Spring's and Temporal's logs
      """;

  static Options parse(String... args) {
    Map<String, String> values = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (!arg.startsWith("--")) {
        throw new IllegalArgumentException("unexpected argument '" + arg + "'\n" + USAGE);
      }
      int eq = arg.indexOf('=');
      String name = eq < 0 ? arg.substring(2) : arg.substring(2, eq);
      if (eq >= 0) {
        values.put(name, arg.substring(eq + 1));
      } else if (SWITCHES.contains(name)) {
        values.put(name, "true");
      } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
        values.put(name, args[++i]); // --out results.json
      } else {
        throw new IllegalArgumentException("--" + name + " needs a value\n" + USAGE);
      }
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
            "verbose",
            "quick",
            "out",
            "temporal",
            "list",
            "list-queries",
            "api-fill",
            "timers",
            "timer-window",
            "floor-lookups");
    for (String name : values.keySet()) {
      if (!known.contains(name)) {
        throw new IllegalArgumentException("unknown flag --" + name + "\n" + USAGE);
      }
    }
    boolean quick = Boolean.parseBoolean(values.getOrDefault("quick", "false"));
    Set<String> phases = Set.of(values.getOrDefault("phases", String.join(",", PHASES)).split(","));
    for (String phase : phases) {
      if (!PHASES.contains(phase)) {
        throw new IllegalArgumentException(
            "--phases: '" + phase + "' is none of latency, listing, timers, memory");
      }
    }
    String out = values.get("out");
    if (out != null && out.isBlank()) {
      throw new IllegalArgumentException("--out needs a file name: --out results.json");
    }
    String temporal = values.getOrDefault("temporal", TemporalTarget.IN_PROCESS);
    if (temporal.isBlank()) {
      throw new IllegalArgumentException("--temporal: in-process, dev or HOST:PORT");
    }
    int open = positive(values, "open", quick ? 150 : 1000);
    String lookups = values.getOrDefault("floor-lookups", "local");
    if (!Set.of("activities", "local").contains(lookups)) {
      throw new IllegalArgumentException(
          "--floor-lookups: activities or local, was '" + lookups + "'");
    }
    return new Options(
        phases,
        atLeast(values, "warmup", quick ? 10 : 50, 0),
        positive(values, "ops", quick ? 60 : 200),
        positive(values, "concurrency", 8),
        positive(values, "throughput-ops", quick ? 100 : 300),
        atLeast(values, "cache-size", 0, 0),
        atLeast(values, "threads", 0, 0),
        open,
        CacheConfig.parseList(
            values.getOrDefault("configs", quick ? "200:250" : "200:250,600:200,2000:2050")),
        atLeast(values, "decisions", quick ? 20 : 100, 0),
        positive(values, "probe-heap", 512 + open / 10),
        Boolean.parseBoolean(values.getOrDefault("verbose", "false")),
        quick,
        out,
        temporal,
        sizes(values.getOrDefault("list", "1000,10000")),
        positive(values, "list-queries", quick ? 100 : 200),
        atLeast(values, "api-fill", quick ? 300 : Integer.MAX_VALUE, 0),
        positive(values, "timers", quick ? 100 : 1000),
        duration(values, "timer-window", quick ? "PT15S" : "PT60S"),
        "local".equals(lookups));
  }

  private static List<Integer> sizes(String text) {
    List<Integer> sizes = new ArrayList<>();
    for (String item : text.split(",")) {
      try {
        int size = Integer.parseInt(item.trim().replace("_", ""));
        if (size < 1) {
          throw new NumberFormatException();
        }
        sizes.add(size);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("--list: '" + item + "' is not a positive whole number");
      }
    }
    return List.copyOf(sizes.stream().sorted().toList());
  }

  private static Duration duration(Map<String, String> values, String name, String fallback) {
    String text = values.getOrDefault(name, fallback);
    try {
      Duration duration = Duration.parse(text);
      if (duration.compareTo(Duration.ofSeconds(1)) < 0) {
        throw new IllegalArgumentException("--" + name + ": at least PT1S, was " + text);
      }
      return duration;
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("--" + name + ": '" + text + "' is not ISO-8601 (PT60S)");
    }
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
