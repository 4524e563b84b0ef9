package dev.lockbox.local.embedded;

import dev.lockbox.platform.temporal.TemporalProbe;
import dev.lockbox.platform.temporal.TemporalSettings;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Waits until a starting dev server answers for each of its namespaces, or fails fast when it
 * exits, quoting the end of its log (a taken port, a locked database file).
 */
final class DevServerReadiness {

  private static final Duration PAUSE = Duration.ofMillis(100);
  private static final Duration CALL_DEADLINE = Duration.ofSeconds(2);

  private DevServerReadiness() {}

  static void await(Process process, DevServerOptions options, long logStart) {
    long deadline = System.nanoTime() + options.startupTimeout().toNanos();
    WorkflowServiceStubs stubs =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder().setTarget(options.address()).build());
    try {
      List<String> namespaces = new ArrayList<>(List.of("default"));
      namespaces.addAll(options.namespaces());
      for (String namespace : namespaces) {
        TemporalProbe probe = new TemporalProbe(stubs, settings(options, namespace));
        while (!probe.check(CALL_DEADLINE).ok()) {
          if (!process.isAlive()) {
            throw exited(process, options, logStart);
          }
          if (System.nanoTime() > deadline) {
            throw tooSlow(options);
          }
          pause();
        }
      }
    } finally {
      stubs.shutdownNow();
    }
  }

  private static TemporalSettings settings(DevServerOptions options, String namespace) {
    return new TemporalSettings(options.address(), namespace, false, null, true, Duration.ZERO);
  }

  private static LocalStartupException exited(
      Process process, DevServerOptions options, long logStart) {
    return new LocalStartupException(
        "The Temporal dev server ("
            + options.cli()
            + ") exited with code "
            + process.exitValue()
            + " while starting. The end of its log "
            + options.log()
            + ":\n"
            + tail(options, logStart),
        "If a port is in use, choose another with LOCKBOX_EMBEDDED_TEMPORAL_PORT or"
            + " LOCKBOX_EMBEDDED_UI_PORT; if the database is locked, another dev server runs on"
            + " this data directory (LOCKBOX_DATA_DIR).");
  }

  private static LocalStartupException tooSlow(DevServerOptions options) {
    return new LocalStartupException(
        "The Temporal dev server did not answer on "
            + options.address()
            + " within "
            + options.startupTimeout(),
        "See its log "
            + options.log()
            + "; on a slow machine allow more time with LOCKBOX_EMBEDDED_STARTUP_TIMEOUT.");
  }

  /** The last lines written since this start (at most 4 KiB). */
  static String tail(DevServerOptions options, long logStart) {
    try (RandomAccessFile file = new RandomAccessFile(options.log().toFile(), "r")) {
      long from = Math.max(logStart, file.length() - 4096);
      byte[] bytes = new byte[(int) (file.length() - from)];
      file.seek(from);
      file.readFully(bytes);
      return new String(bytes, StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      return "(unreadable: " + e.getMessage() + ")";
    }
  }

  private static void pause() {
    try {
      Thread.sleep(PAUSE.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for the Temporal dev server", e);
    }
  }
}
