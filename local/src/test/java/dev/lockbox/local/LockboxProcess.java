package dev.lockbox.local;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * {@code java -jar local/target/lockbox.jar} as a process of its own, in the durable local mode
 * (its own dev server, data in one directory), so a test can stop it gracefully or kill it with -9
 * as an operator or a crash would. The jar is the one the package phase just built.
 */
final class LockboxProcess implements AutoCloseable {

  /** Start-up of a JVM, Spring and a dev server on two busy cores. */
  static final Duration START_WAIT = Duration.ofMinutes(3);

  private final Process process;
  private final Path dataDir;
  private final Path log;
  private final LockboxHttp http;
  private final Instant startedAt;

  private LockboxProcess(Process process, Path dataDir, Path log, LockboxHttp http, Instant at) {
    this.process = process;
    this.dataDir = dataDir;
    this.log = log;
    this.http = http;
    this.startedAt = at;
  }

  /**
   * Starts lockbox.jar with these settings (environment variables) and returns once its health
   * answers UP.
   */
  static LockboxProcess start(Path dataDir, int httpPort, Path log, Map<String, String> settings) {
    Path jar = RepositoryFiles.root().resolve("local/target/lockbox.jar");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    // C1 only and a small heap: a quicker start on two cores; nothing here measures speed.
    command.addAll(List.of("-XX:TieredStopAtLevel=1", "-Xmx384m", "-jar", jar.toString()));
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().putAll(settings);
    builder.environment().put("LOCKBOX_DATA_DIR", dataDir.toString());
    builder.environment().put("SERVER_PORT", Integer.toString(httpPort));
    builder.environment().put("LOCKBOX_TEMPORAL_CLI", TestTemporal.cli().toString());
    builder.environment().remove("TEMPORAL_ADDRESS");
    Instant at = Instant.now();
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    LockboxHttp http = new LockboxHttp("http://localhost:" + httpPort);
    LockboxProcess lockbox = new LockboxProcess(process, dataDir, log, http, at);
    lockbox.awaitUp();
    return lockbox;
  }

  private void awaitUp() {
    await("lockbox.jar up (log: " + log + ")")
        .atMost(START_WAIT)
        .pollInterval(Duration.ofMillis(500))
        .failFast("lockbox.jar exited; see " + log, () -> !process.isAlive())
        .until(this::healthy);
  }

  private boolean healthy() {
    try {
      return "UP".equals(http.get(null, "/actuator/health").text("status"));
    } catch (UncheckedIOException notListeningYet) {
      return false;
    }
  }

  LockboxHttp http() {
    return http;
  }

  /** When this process was started: anything it did happened after this. */
  Instant startedAt() {
    return startedAt;
  }

  long pid() {
    return process.pid();
  }

  /** The pid of the dev server this Lockbox runs, as its data directory records it. */
  long devServerPid() {
    return readPid(dataDir).orElseThrow();
  }

  static Optional<Long> readPid(Path dataDir) {
    try {
      return Optional.of(
          Long.parseLong(Files.readString(dataDir.resolve("temporal-server.pid")).trim()));
    } catch (IOException | NumberFormatException none) {
      return Optional.empty();
    }
  }

  /** SIGTERM, as systemd or Ctrl-C would: Spring closes, the worker drains, the server stops. */
  void stop() {
    process.destroy();
    waitForExit();
  }

  /** SIGKILL: no shutdown hook runs. */
  void kill() {
    process.destroyForcibly();
    waitForExit();
  }

  private void waitForExit() {
    try {
      if (!process.waitFor(2, TimeUnit.MINUTES)) {
        throw new IllegalStateException("lockbox.jar did not stop; see " + log);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static boolean alive(long pid) {
    return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }

  /** Ends what is left, whatever the test did: never leave a process behind. */
  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroyForcibly();
    }
  }
}
