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
  static final String SAME_SHAPE_TASK_QUEUE = "lockbox-benchmark-same-shape";

  private final WorkflowClient client;
  private final WorkerFactory factory;
  private final String taskQueue;

  /** The trivial baseline: no activities. */
  static BareSdk trivial(WorkflowClient client, WorkerSettings settings) {
    return new BareSdk(client, settings, TASK_QUEUE, false);
  }

  /** The same-shape baseline: a Lockbox create's and approve's activities, no-op bodies. */
  static BareSdk sameShape(WorkflowClient client, WorkerSettings settings) {
    return new BareSdk(client, settings, SAME_SHAPE_TASK_QUEUE, true);
  }

  private BareSdk(
      WorkflowClient client, WorkerSettings settings, String taskQueue, boolean sameShape) {
    this.client = client;
    this.taskQueue = taskQueue;
    factory =
        WorkerFactory.newInstance(
            client,
            WorkerFactoryOptions.newBuilder()
                .setWorkflowCacheSize(settings.workflowCacheSize())
                .setMaxWorkflowThreadCount(settings.maxWorkflowThreads())
                .build());
    Worker worker =
        factory.newWorker(
            taskQueue,
            WorkerOptions.newBuilder()
                .setMaxConcurrentWorkflowTaskExecutionSize(settings.maxConcurrentWorkflowTasks())
                .setMaxConcurrentWorkflowTaskPollers(settings.workflowPollers())
                .build());
    if (sameShape) {
      worker.registerWorkflowImplementationTypes(SameShapeWorkflow.class);
      worker.registerActivitiesImplementations(new SameShapeWorkflow.NoOpSteps());
    } else {
      worker.registerWorkflowImplementationTypes(BareWorkflow.Impl.class);
    }
    factory.start();
  }

  /** {@code WorkflowClient.start} then a query, retried until the first workflow task has run. */
  String create() {
    String id = "bare-" + UUID.randomUUID();
    BareWorkflow workflow =
        client.newWorkflowStub(
            BareWorkflow.class,
            WorkflowOptions.newBuilder().setTaskQueue(taskQueue).setWorkflowId(id).build());
    WorkflowClient.start(workflow::run, "benchmark");
    while (true) {
      try {
        String status = workflow.status();
        if ("NEW".equals(status)) {
          pause(); // its create activities are still running
          continue;
        }
        if (!"PENDING".equals(status)) {
          throw new IllegalStateException("bare workflow " + id + " answered " + status);
        }
        return id;
      } catch (WorkflowQueryException notReadyYet) {
        Thread.onSpinWait();
      }
    }
  }

  private static void pause() {
    try {
      Thread.sleep(1);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
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
