package dev.lockbox.worker.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/** The health component: UP with nothing failing, WARNING naming each failing request. */
class WorkflowTasksHealthIndicatorTest {

  private final FailingWorkflowTasks tasks = new FailingWorkflowTasks(Clock.systemUTC());
  private final WorkflowTasksHealthIndicator health = new WorkflowTasksHealthIndicator(tasks);

  @Test
  void givenNothingFailing_itIsUp() {
    assertThat(health.health().getStatus()).isEqualTo(Status.UP);
  }

  @Test
  @SuppressWarnings("unchecked") // the details are the maps the indicator built
  void givenAFailingWorkflowTask_itWarnsAndNamesTheRequest() {
    tasks.polled("lockbox-r1", "LockboxWorkflow", 5, ByteString.copyFromUtf8("t"));

    Health answer = health.health();

    assertThat(answer.getStatus().getCode()).isEqualTo("WARNING");
    List<?> failing = (List<?>) answer.getDetails().get("failing");
    assertThat(failing)
        .singleElement()
        .satisfies(
            task ->
                assertThat((Map<String, Object>) task)
                    .containsEntry("requestId", "r1")
                    .containsEntry("workflowId", "lockbox-r1")
                    .containsEntry("attempt", 5));
  }
}
