package dev.lockbox.workflows.testing;

import dev.lockbox.workflows.LockboxNames;
import dev.lockbox.workflows.LockboxSearchAttributes;
import dev.lockbox.workflows.LockboxWorkflow;
import dev.lockbox.workflows.LockboxWorkflowImpl;
import dev.lockbox.workflows.model.LockboxRequest;
import dev.lockbox.workflows.model.LockboxState;
import dev.lockbox.workflows.model.LockboxStatus;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.api.enums.v1.WorkflowIdConflictPolicy;
import io.temporal.client.UpdateOptions;
import io.temporal.client.WithStartWorkflowOperation;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowUpdateStage;
import io.temporal.common.SearchAttributes;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.time.Duration;
import java.util.function.Predicate;

/** A time-skipping Temporal test service with the lockbox workflow and fake activities. */
public final class LockboxTestEnvironment implements AutoCloseable {

  public final TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance();
  public final FakeActivities activities = new FakeActivities();

  public LockboxTestEnvironment() {
    ServerReport.timeSkippingTestServer("workflow unit tests (workflows/)");
    LockboxSearchAttributes.ALL.forEach(
        key ->
            env.registerSearchAttribute(
                key.getName(), IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD));
    Worker worker = env.newWorker(LockboxNames.TASK_QUEUE);
    worker.registerWorkflowImplementationTypes(LockboxWorkflowImpl.class);
    worker.registerActivitiesImplementations(activities);
    env.start();
  }

  public WorkflowClient client() {
    return env.getWorkflowClient();
  }

  /** Starts the request's workflow and returns its stub. */
  public LockboxWorkflow start(LockboxRequest request) {
    LockboxWorkflow workflow = newStub(request);
    WorkflowClient.start(workflow::run, request);
    return workflow;
  }

  /**
   * Starts the request's workflow the way the API does: with the Update that waits for its first
   * answer (Update-with-Start), returned here.
   */
  public LockboxState startAndSettle(LockboxRequest request) {
    LockboxWorkflow workflow = newStub(request);
    return WorkflowClient.executeUpdateWithStart(
        workflow::awaitSettled,
        UpdateOptions.newBuilder(LockboxState.class)
            .setWaitForStage(WorkflowUpdateStage.COMPLETED)
            .build(),
        new WithStartWorkflowOperation<>(workflow::run, request));
  }

  /** A stub of the request's workflow, by its id. */
  public LockboxWorkflow stub(String requestId) {
    return client().newWorkflowStub(LockboxWorkflow.class, LockboxNames.workflowId(requestId));
  }

  private LockboxWorkflow newStub(LockboxRequest request) {
    return client()
        .newWorkflowStub(
            LockboxWorkflow.class,
            WorkflowOptions.newBuilder()
                .setTaskQueue(LockboxNames.TASK_QUEUE)
                .setWorkflowId(LockboxNames.workflowId(request.requestId()))
                .setWorkflowIdConflictPolicy(
                    WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_FAIL)
                .setTypedSearchAttributes(
                    SearchAttributes.newBuilder()
                        .set(LockboxSearchAttributes.STATUS, LockboxStatus.EVALUATING.name())
                        .set(LockboxSearchAttributes.TENANT_ID, request.tenantId())
                        .build())
                .build());
  }

  /**
   * Waits (in real time, at most 20 s) until the workflow reports the status. Activities run on
   * real threads, so on a busy machine a step can take longer than the test clock suggests.
   */
  public LockboxState awaitStatus(LockboxWorkflow workflow, LockboxStatus status) {
    return awaitState(workflow, state -> state.status() == status);
  }

  /** Waits (in real time, at most 20 s) until the workflow's state satisfies the condition. */
  public LockboxState awaitState(LockboxWorkflow workflow, Predicate<LockboxState> condition) {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    LockboxState state = workflow.getState();
    while (!condition.test(state) && System.nanoTime() < deadline) {
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      state = workflow.getState();
    }
    return state;
  }

  @Override
  public void close() {
    env.close();
  }
}
