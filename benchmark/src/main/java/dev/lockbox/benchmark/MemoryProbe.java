package dev.lockbox.benchmark;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * One memory run, in a JVM of its own so that RSS starts clean: Lockbox with the given cache and
 * thread count, warmed up, then {@code open} PENDING requests created over the REST API and held
 * open; heap (after full GCs), RSS and threads before and after; then approvals of randomly chosen
 * open requests (sticky-cache misses when the cache is smaller than the open requests).
 *
 * <p>The heap is fixed and pre-touched ({@code -Xms = -Xmx}, {@code -XX:+AlwaysPreTouch}), so RSS
 * growth is memory outside the heap (thread stacks, native buffers) and heap growth is Java
 * objects.
 */
final class MemoryProbe {

  /** The child's line saying how often its calls were retried; the parent prints it. */
  static final String RETRIES = "RETRIES ";

  private MemoryProbe() {}

  /**
   * In the child JVM: {@code probe cacheSize threads open warmup concurrency decisions verbose
   * temporalAddress namespace}, the address {@code in-process} for a test server of its own.
   */
  static void main(String[] args) {
    int cacheSize = Integer.parseInt(args[0]);
    int threads = Integer.parseInt(args[1]);
    int open = Integer.parseInt(args[2]);
    int warmup = Integer.parseInt(args[3]);
    int concurrency = Integer.parseInt(args[4]);
    int decisions = Integer.parseInt(args[5]);
    boolean verbose = Boolean.parseBoolean(args[6]);
    LockboxUnderTest.Placement placement =
        args[7].equals(TemporalTarget.IN_PROCESS)
            ? LockboxUnderTest.Placement.IN_PROCESS
            : new LockboxUnderTest.Placement(args[7], args[8]);
    int heapMb = (int) (Runtime.getRuntime().maxMemory() / (1024 * 1024));
    try (LockboxUnderTest lockbox =
        new LockboxUnderTest(placement, cacheSize, threads, verbose, List.of())) {
      for (int i = 0; i < warmup; i++) {
        lockbox.cancel(lockbox.create());
      }
      Memory.sleep(2_000); // the warm-up's last tasks settle
      Memory.Snapshot before = Memory.snapshot();

      Latencies create = new Latencies();
      AtomicReferenceArray<String> ids = new AtomicReferenceArray<>(open);
      double perSecond =
          Runs.concurrently(open, concurrency, i -> ids.set(i, create.time(lockbox::create)));
      Memory.sleep(3_000); // notifications and read-model writes settle
      Memory.Snapshot after = Memory.snapshot();

      Latencies decide = new Latencies();
      Random random = new Random(42);
      List<Integer> order = new ArrayList<>();
      for (int i = 0; i < open; i++) {
        order.add(i);
      }
      java.util.Collections.shuffle(order, random);
      for (int i = 0; i < Math.min(decisions, open); i++) {
        String id = ids.get(order.get(i));
        decide.time(() -> lockbox.approve(id));
      }
      Memory.sleep(11_000); // the SDK hands its counters to Micrometer every 10 s
      ProbeResult.CacheCounters counters =
          new ProbeResult.CacheCounters(
              lockbox.temporalCounter("temporal_sticky_cache_hit"),
              lockbox.temporalCounter("temporal_sticky_cache_miss"),
              lockbox.temporalCounter("temporal_sticky_cache_thread_forced_eviction"),
              lockbox.temporalCounter("temporal_workflow_task_execution_failed"));
      System.out.println(RETRIES + lockbox.retryReport());
      System.out.println(
          new ProbeResult(
                  cacheSize,
                  threads,
                  open,
                  heapMb,
                  before,
                  after,
                  create.summary(),
                  perSecond,
                  decide.summary(),
                  counters)
              .toLine());
    }
  }

  /** In the parent: starts the child JVM for one configuration and reads its result line. */
  static ProbeResult runChild(
      Options options, Options.CacheConfig config, LockboxUnderTest.Placement placement) {
    List<String> command = new ArrayList<>();
    command.add(
        ProcessHandle.current()
            .info()
            .command()
            .orElse(System.getProperty("java.home") + "/bin/java"));
    command.add("-Xms" + options.probeHeapMb() + "m");
    command.add("-Xmx" + options.probeHeapMb() + "m");
    command.add("-XX:+AlwaysPreTouch");
    String classPath = System.getProperty("java.class.path");
    if (!classPath.contains(File.pathSeparator) && classPath.endsWith(".jar")) {
      command.add("-jar");
      command.add(classPath);
    } else {
      command.add("-cp");
      command.add(classPath);
      command.add(Benchmark.class.getName());
    }
    command.addAll(
        List.of(
            "probe",
            String.valueOf(config.cacheSize()),
            String.valueOf(config.threads()),
            String.valueOf(options.open()),
            String.valueOf(options.warmup()),
            String.valueOf(options.concurrency()),
            String.valueOf(options.decisions()),
            String.valueOf(options.verbose()),
            placement.inProcess() ? TemporalTarget.IN_PROCESS : placement.temporalAddress(),
            placement.namespace()));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> output = new ArrayList<>();
    ProbeResult result = null;
    try (BufferedReader reader =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (line.startsWith(ProbeResult.PREFIX)) {
          result = ProbeResult.parse(line);
        } else if (line.startsWith(RETRIES)) {
          System.out.println(
              "   Memory run " + config + ", client retries: " + line.substring(RETRIES.length()));
        } else {
          output.add(line);
          if (options.verbose()) {
            System.err.println("  [" + config + "] " + line);
          }
        }
      }
      int exit = process.waitFor();
      if (exit != 0 || result == null) {
        throw new IllegalStateException(
            "memory run "
                + config
                + " failed (exit "
                + exit
                + "):\n"
                + String.join("\n", tail(output, 40)));
      }
      return result;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } finally {
      process.destroy();
    }
  }

  private static List<String> tail(List<String> lines, int n) {
    return lines.subList(Math.max(0, lines.size() - n), lines.size());
  }

  static String jvm() {
    return System.getProperty("java.vm.name")
        + " "
        + System.getProperty("java.version")
        + ", "
        + Runtime.getRuntime().availableProcessors()
        + " CPUs, "
        + ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
            .filter(a -> a.startsWith("-X"))
            .toList();
  }
}
