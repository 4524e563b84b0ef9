package dev.lockbox.benchmark;

import dev.lockbox.worker.WorkerSettings;
import io.temporal.api.enums.v1.WorkflowIdConflictPolicy;
import io.temporal.client.UpdateOptions;
import io.temporal.client.WithStartWorkflowOperation;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowQueryException;
import io.temporal.client.WorkflowUpdateStage;
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
  private final boolean sameShape;

  /** The trivial baseline: no activities. */
  static BareSdk trivial(WorkflowClient client, WorkerSettings settings) {
    return new BareSdk(client, settings, TASK_QUEUE, null);
  }

  /**
   * The same-shape baseline: a Lockbox create's and approve's activities, no-op bodies; with {@code
   * localLookups} its policy evaluation and approver look-up are local activities.
   */
  static BareSdk sameShape(WorkflowClient client, WorkerSettings settings, boolean localLookups) {
    return new BareSdk(
        client,
        settings,
        SAME_SHAPE_TASK_QUEUE,
        localLookups ? SameShapeWorkflow.LocalLookups.class : SameShapeWorkflow.class);
  }

  private BareSdk(
      WorkflowClient client,
      WorkerSettings settings,
      String taskQueue,
      Class<? extends BareWorkflow> sameShape) {
    this.client = client;
    this.taskQueue = taskQueue;
    this.sameShape = sameShape != null;
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
    if (sameShape != null) {
      worker.registerWorkflowImplementationTypes(sameShape);
      worker.registerActivitiesImplementations(new SameShapeWorkflow.NoOpSteps());
    } else {
      worker.registerWorkflowImplementationTypes(BareWorkflow.Impl.class);
    }
    factory.start();
  }

  /**
   * The trivial workflow: {@code WorkflowClient.start} then a query, retried until the first
   * workflow task has run. The same shape: Update-with-Start, as Lockbox's create, answered once
   * its create steps have run.
   */
  String create() {
    String id = "bare-" + UUID.randomUUID();
    BareWorkflow workflow =
        client.newWorkflowStub(
            BareWorkflow.class,
            WorkflowOptions.newBuilder()
                .setTaskQueue(taskQueue)
                .setWorkflowId(id)
                .setWorkflowIdConflictPolicy(
                    WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_FAIL)
                .build());
    return settled(id, sameShape ? startWithUpdate(workflow) : startThenQuery(workflow));
  }

  private static String startThenQuery(BareWorkflow workflow) {
    WorkflowClient.start(workflow::run, "benchmark");
    while (true) {
      try {
        return workflow.status();
      } catch (WorkflowQueryException notReadyYet) {
        Thread.onSpinWait(); // its first workflow task has not run yet
      }
    }
  }

  private static String startWithUpdate(BareWorkflow workflow) {
    return WorkflowClient.executeUpdateWithStart(
        workflow::awaitSettled,
        UpdateOptions.newBuilder(String.class)
            .setWaitForStage(WorkflowUpdateStage.COMPLETED)
            .build(),
        new WithStartWorkflowOperation<>(workflow::run, "benchmark"));
  }

  private static String settled(String id, String status) {
    if (!"PENDING".equals(status)) {
      throw new IllegalStateException("bare workflow " + id + " answered " + status);
    }
    return id;
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
