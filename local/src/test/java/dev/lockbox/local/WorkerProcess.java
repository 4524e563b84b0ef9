package dev.lockbox.local;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The worker deployable ({@code worker/target/lockbox-worker-*-exec.jar}, as the Dockerfile ships
 * it) as a process of its own, so a test can kill it with -9 as a crash would.
 */
final class WorkerProcess implements AutoCloseable {

  private final Process process;
  private final Path log;

  private WorkerProcess(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  /** Starts a worker with these settings (environment variables); returns once it is healthy. */
  static WorkerProcess start(Path log, Map<String, String> settings) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of("-XX:TieredStopAtLevel=1", "-Xmx256m", "-jar", jar().toString()));
    int port = RunningLockbox.freePort();
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().putAll(settings);
    builder.environment().put("SERVER_PORT", Integer.toString(port));
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    WorkerProcess worker = new WorkerProcess(process, log);
    LockboxHttp http = new LockboxHttp("http://localhost:" + port);
    await("worker up (log: " + log + ")")
        .atMost(LockboxProcess.START_WAIT)
        .pollInterval(Duration.ofMillis(500))
        .failFast("the worker exited; see " + log, () -> !process.isAlive())
        .until(() -> healthy(http));
    return worker;
  }

  private static boolean healthy(LockboxHttp http) {
    try {
      return "UP".equals(http.get(null, "/actuator/health").text("status"));
    } catch (UncheckedIOException notListeningYet) {
      return false;
    }
  }

  private static Path jar() {
    Path target = RepositoryFiles.root().resolve("worker/target");
    try (DirectoryStream<Path> jars =
        Files.newDirectoryStream(target, "lockbox-worker-*-exec.jar")) {
      return jars.iterator().next();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  long pid() {
    return process.pid();
  }

  boolean alive() {
    return process.isAlive();
  }

  /** SIGKILL: no shutdown hook runs, nothing is drained. */
  void kill() {
    process.destroyForcibly();
    try {
      process.waitFor(1, TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      kill();
    }
  }

  @Override
  public String toString() {
    return "worker " + pid() + " (log " + log + ")";
  }
}
