package dev.lockbox.benchmark;

import dev.lockbox.worker.WorkerSettings;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowQueryException;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerFactoryOptions;
import io.temporal.worker.WorkerOptions;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Bare Temporal SDK calls on Lockbox's own client (same server, same gRPC channel), served by a
 * worker with Lockbox's worker settings on a task queue of its own.
 */
final class BareSdk implements AutoCloseable {

  static final String TASK_QUEUE = "lockbox-benchmark-bare";

  private final WorkflowClient client;
  private final WorkerFactory factory;

  BareSdk(WorkflowClient client, WorkerSettings settings) {
    this.client = client;
    factory =
        WorkerFactory.newInstance(
            client,
            WorkerFactoryOptions.newBuilder()
                .setWorkflowCacheSize(settings.workflowCacheSize())
                .setMaxWorkflowThreadCount(settings.maxWorkflowThreads())
                .build());
    Worker worker =
        factory.newWorker(
            TASK_QUEUE,
            WorkerOptions.newBuilder()
                .setMaxConcurrentWorkflowTaskExecutionSize(settings.maxConcurrentWorkflowTasks())
                .setMaxConcurrentWorkflowTaskPollers(settings.workflowPollers())
                .build());
    worker.registerWorkflowImplementationTypes(BareWorkflow.Impl.class);
    factory.start();
  }

  /** {@code WorkflowClient.start} then a query, retried until the first workflow task has run. */
  String create() {
    String id = "bare-" + UUID.randomUUID();
    BareWorkflow workflow =
        client.newWorkflowStub(
            BareWorkflow.class,
            WorkflowOptions.newBuilder().setTaskQueue(TASK_QUEUE).setWorkflowId(id).build());
    WorkflowClient.start(workflow::run, "benchmark");
    while (true) {
      try {
        String status = workflow.status();
        if (!"PENDING".equals(status)) {
          throw new IllegalStateException("bare workflow " + id + " answered " + status);
        }
        return id;
      } catch (WorkflowQueryException notReadyYet) {
        Thread.onSpinWait();
      }
    }
  }

  /** One Update round trip: sent, run by the workflow, its result back. */
  void approve(String id) {
    String status = client.newWorkflowStub(BareWorkflow.class, id).approve("benchmark");
    if (!"APPROVED".equals(status)) {
      throw new IllegalStateException("bare workflow " + id + " answered " + status);
    }
  }

  @Override
  public void close() {
    factory.shutdownNow();
    factory.awaitTermination(5, TimeUnit.SECONDS);
  }
}
