package dev.lockbox.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.lockbox.workflows.LockboxNames;
import dev.lockbox.workflows.LockboxWorkflow;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

/**
 * A lockbox workflow whose workflow task fails every time on the real server (its input is no
 * request at all, as from a client that speaks another version, so the worker cannot even begin the
 * workflow code): the worker counts it in {@code lockbox_workflow_tasks_failing} and its health
 * component {@code workflowTasks} warns, naming the request, while the overall health stays UP.
 */
@Timeout(180)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FailingWorkflowTaskIT {

  private RunningLockbox lockbox;

  @BeforeAll
  void start() {
    lockbox = new RunningLockbox();
  }

  @AfterAll
  void stop() {
    lockbox.close();
  }

  @Test
  void aWorkflowTaskThatKeepsFailingRaisesTheMetricAndAHealthWarningNamingTheRequest() {
    String requestId = "broken-" + UUID.randomUUID();
    WorkflowStub broken = startWithUnreadableInput(LockboxNames.workflowId(requestId));
    assertThat(failingMetric()).isZero();

    await("the failing workflow task counted")
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> failingMetric() >= 1.0);
    JsonNode health = lockbox.get("operator", "/actuator/health").json();

    assertThat(health.path("status").asString()).isEqualTo("UP");
    JsonNode component = health.path("components").path("workflowTasks");
    assertThat(component.path("status").asString()).isEqualTo("WARNING");
    JsonNode failing = component.path("details").path("failing").path(0);
    assertThat(failing.path("requestId").asString()).isEqualTo(requestId);
    assertThat(failing.path("workflowId").asString()).isEqualTo(LockboxNames.workflowId(requestId));
    assertThat(failing.path("attempt").asInt()).isGreaterThanOrEqualTo(3);
    broken.terminate("test: a workflow task that can never succeed");
  }

  private WorkflowStub startWithUnreadableInput(String workflowId) {
    WorkflowStub stub =
        lockbox
            .bean(WorkflowClient.class)
            .newUntypedWorkflowStub(
                LockboxWorkflow.TYPE,
                WorkflowOptions.newBuilder()
                    .setWorkflowId(workflowId)
                    .setTaskQueue(LockboxNames.TASK_QUEUE)
                    .build());
    stub.start("not a lockbox request");
    return stub;
  }

  private double failingMetric() {
    return lockbox
        .get("operator", "/actuator/prometheus")
        .body()
        .lines()
        .filter(line -> line.startsWith("lockbox_workflow_tasks_failing "))
        .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no lockbox_workflow_tasks_failing metric"));
  }
}
