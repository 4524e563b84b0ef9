package dev.lockbox.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.api.enums.v1.WorkflowIdConflictPolicy;
import io.temporal.client.UpdateOptions;
import io.temporal.client.WithStartWorkflowOperation;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowUpdateStage;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The floor is only fair if it waits for what Lockbox's create waits for: its create answers once
 * the read model is written, never at the policy's answer.
 */
class SameShapeWorkflowTest {

  private static final String QUEUE = "same-shape-test";

  private final List<String> steps = new CopyOnWriteArrayList<>();
  private TestWorkflowEnvironment env;

  @BeforeEach
  void start() {
    env = TestWorkflowEnvironment.newInstance();
  }

  @AfterEach
  void stop() {
    env.close();
  }

  @ParameterizedTest(name = "local lookups: {0}")
  @ValueSource(booleans = {false, true})
  void theCreateAnswersPendingOnlyOnceItsReadModelIsWritten(boolean localLookups) {
    Worker worker = env.newWorker(QUEUE);
    worker.registerWorkflowImplementationTypes(
        localLookups ? SameShapeWorkflow.LocalLookups.class : SameShapeWorkflow.class);
    worker.registerActivitiesImplementations(new RecordingSteps());
    env.start();
    BareWorkflow workflow =
        env.getWorkflowClient()
            .newWorkflowStub(
                BareWorkflow.class,
                WorkflowOptions.newBuilder()
                    .setTaskQueue(QUEUE)
                    .setWorkflowId("same-shape-" + localLookups)
                    .setWorkflowIdConflictPolicy(
                        WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_FAIL)
                    .build());

    String settled =
        WorkflowClient.executeUpdateWithStart(
            workflow::awaitSettled,
            UpdateOptions.newBuilder(String.class)
                .setWaitForStage(WorkflowUpdateStage.COMPLETED)
                .build(),
            new WithStartWorkflowOperation<>(workflow::run, "test"));
    steps.add("answered " + settled);

    assertThat(steps)
        .startsWith(
            "evaluatePolicy", "findApprovers", "writeReadModel PENDING", "answered PENDING");
  }

  /** The no-op steps, noting each call in order. */
  private final class RecordingSteps extends SameShapeWorkflow.NoOpSteps {
    @Override
    public String evaluatePolicy(String request) {
      steps.add("evaluatePolicy");
      return super.evaluatePolicy(request);
    }

    @Override
    public String findApprovers(String request) {
      steps.add("findApprovers");
      return super.findApprovers(request);
    }

    /** A slow write: a create that answered without waiting for it would answer first. */
    @Override
    public void writeReadModel(String request, String status) {
      try {
        Thread.sleep(300);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      steps.add("writeReadModel " + status);
    }
  }
}
