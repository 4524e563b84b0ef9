package dev.lockbox.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** This JVM's memory as the benchmark reads it: heap after full GCs, RSS, threads. */
final class Memory {

  /**
   * Thread names the Temporal SDK gives a workflow's root thread: one per workflow in the sticky
   * cache.
   */
  static final String WORKFLOW_THREAD_PREFIX = "workflow-method-";

  private Memory() {}

  record Snapshot(long heapUsed, long rss, int threads, int workflowThreads) {}

  static Snapshot snapshot() {
    for (int i = 0; i < 3; i++) {
      System.gc();
      sleep(200);
    }
    long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    long rss = rss();
    List<String> names = threadNames();
    int workflowThreads =
        (int) names.stream().filter(name -> name.startsWith(WORKFLOW_THREAD_PREFIX)).count();
    return new Snapshot(heap, rss, names.size(), workflowThreads);
  }

  /**
   * Names of the live threads, listed through the root thread group: unlike {@code
   * Thread.getAllStackTraces()} this walks no stacks (which, with a thousand threads, itself grows
   * RSS by tens of MiB of native memory that glibc keeps).
   */
  static List<String> threadNames() {
    ThreadGroup root = Thread.currentThread().getThreadGroup();
    while (root.getParent() != null) {
      root = root.getParent();
    }
    Thread[] threads = new Thread[root.activeCount() + 64];
    int count;
    while ((count = root.enumerate(threads, true)) == threads.length) {
      threads = new Thread[threads.length * 2];
    }
    return java.util.Arrays.stream(threads, 0, count).map(Thread::getName).toList();
  }

  /** VmRSS of /proc/self/status in bytes; -1 where there is no /proc (not Linux). */
  static long rss() {
    Path status = Path.of("/proc/self/status");
    if (!Files.isReadable(status)) {
      return -1;
    }
    try {
      return vmRss(Files.readAllLines(status));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The VmRSS line ("VmRSS: 123456 kB") of a /proc status file, in bytes; -1 when absent. */
  static long vmRss(List<String> statusLines) {
    for (String line : statusLines) {
      if (line.startsWith("VmRSS:")) {
        String[] parts = line.substring("VmRSS:".length()).trim().split("\\s+");
        long value = Long.parseLong(parts[0]);
        if (parts.length < 2 || !parts[1].equalsIgnoreCase("kB")) {
          throw new IllegalStateException("unexpected VmRSS unit in '" + line + "'");
        }
        return value * 1024;
      }
    }
    return -1;
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
