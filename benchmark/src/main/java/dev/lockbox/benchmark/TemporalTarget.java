package dev.lockbox.benchmark;

import com.google.protobuf.util.Durations;
import dev.lockbox.workflows.LockboxSearchAttributes;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.operatorservice.v1.AddSearchAttributesRequest;
import io.temporal.api.taskqueue.v1.TaskQueue;
import io.temporal.api.workflowservice.v1.DescribeTaskQueueRequest;
import io.temporal.api.workflowservice.v1.GetSystemInfoRequest;
import io.temporal.api.workflowservice.v1.RegisterNamespaceRequest;
import io.temporal.common.SearchAttributeKey;
import io.temporal.serviceclient.OperatorServiceStubs;
import io.temporal.serviceclient.OperatorServiceStubsOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Which Temporal the benchmark runs on: the in-process real-time test server that lockbox.jar's
 * in-memory fallback embeds (one per Lockbox instance, started inside it), or a real server in
 * another process ({@code --temporal=ADDRESS}, or {@code --temporal=dev}: a {@code temporal server
 * start-dev} the benchmark starts on a SQLite file). On a real server every Lockbox instance gets a
 * namespace of its own: the task queue name is fixed, so two instances on one namespace would take
 * each other's tasks.
 */
final class TemporalTarget implements AutoCloseable {

  static final String IN_PROCESS = "in-process";

  private final String address;
  private final DevServerProcess devServer;
  private final WorkflowServiceStubs stubs;
  private final OperatorServiceStubs operator;

  private TemporalTarget(String address, DevServerProcess devServer) {
    this.address = address;
    this.devServer = devServer;
    if (address == null) {
      stubs = null;
      operator = null;
    } else {
      stubs =
          WorkflowServiceStubs.newServiceStubs(
              WorkflowServiceStubsOptions.newBuilder().setTarget(address).build());
      operator =
          OperatorServiceStubs.newServiceStubs(
              OperatorServiceStubsOptions.newBuilder()
                  .setTarget(address)
                  .validateAndBuildWithDefaults());
    }
  }

  /** {@code in-process}, {@code dev}, or the {@code host:port} of a running server. */
  static TemporalTarget open(String spec) {
    if (spec.equals(IN_PROCESS)) {
      return new TemporalTarget(null, null);
    }
    if (spec.equals("dev")) {
      DevServerProcess server = DevServerProcess.start();
      try {
        return new TemporalTarget(server.address(), server);
      } catch (RuntimeException e) {
        server.close();
        throw e;
      }
    }
    return new TemporalTarget(spec, null);
  }

  boolean inProcess() {
    return address == null;
  }

  /** The frontend's address; null in process. */
  String address() {
    return address;
  }

  /** What the results call the server. */
  String describe() {
    if (inProcess()) {
      return "in-process test server (temporal-test-server "
          + io.temporal.serviceclient.Version.LIBRARY_VERSION
          + ", real time, one per Lockbox instance)";
    }
    String version =
        stubs
            .blockingStub()
            .withDeadlineAfter(10, TimeUnit.SECONDS)
            .getSystemInfo(GetSystemInfoRequest.getDefaultInstance())
            .getServerVersion();
    return devServer != null
        ? "temporal server start-dev " + version + " at " + address + " (" + devServer.store() + ")"
        : "Temporal server " + version + " at " + address;
  }

  /**
   * A new namespace with Lockbox's search attributes, once the server serves it; "default" in
   * process (each instance has a server of its own there).
   */
  String newNamespace(String label) {
    if (inProcess()) {
      return "default";
    }
    String namespace = "bench-" + label + "-" + UUID.randomUUID().toString().substring(0, 8);
    stubs
        .blockingStub()
        .registerNamespace(
            RegisterNamespaceRequest.newBuilder()
                .setNamespace(namespace)
                .setWorkflowExecutionRetentionPeriod(Durations.fromDays(1))
                .build());
    awaitServed(namespace);
    AddSearchAttributesRequest.Builder attributes =
        AddSearchAttributesRequest.newBuilder().setNamespace(namespace);
    for (SearchAttributeKey<?> key : LockboxSearchAttributes.ALL) {
      attributes.putSearchAttributes(key.getName(), key.getValueType());
    }
    operator.blockingStub().addSearchAttributes(attributes.build());
    return namespace;
  }

  /** A new namespace is served once the frontend's namespace cache has it (seconds). */
  private void awaitServed(String namespace) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (true) {
      try {
        stubs
            .blockingStub()
            .describeTaskQueue(
                DescribeTaskQueueRequest.newBuilder()
                    .setNamespace(namespace)
                    .setTaskQueue(TaskQueue.newBuilder().setName("lockbox-benchmark-probe"))
                    .build());
        return;
      } catch (StatusRuntimeException e) {
        if (e.getStatus().getCode() != Status.Code.NOT_FOUND || System.nanoTime() > deadline) {
          throw e;
        }
        Memory.sleep(200);
      }
    }
  }

  @Override
  public void close() {
    try {
      if (stubs != null) {
        stubs.shutdownNow();
        operator.shutdownNow();
      }
    } finally {
      if (devServer != null) {
        devServer.close();
      }
    }
  }
}
