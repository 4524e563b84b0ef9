package dev.lockbox.worker.tasks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * The {@code workflowTasks} health component: {@code WARNING} while a workflow task keeps failing,
 * naming each request. WARNING is not one of the statuses the overall health is made of, so the
 * process stays UP for load balancers and orchestrators: restarting a worker never fixes a failing
 * workflow task (a bug or a refused history) and would only interrupt every other request.
 */
public class WorkflowTasksHealthIndicator implements HealthIndicator {

  /** The status an operator alerts on. */
  public static final Status WARNING =
      new Status("WARNING", "A workflow task keeps failing: its request does not move");

  private final FailingWorkflowTasks tasks;

  public WorkflowTasksHealthIndicator(FailingWorkflowTasks tasks) {
    this.tasks = tasks;
  }

  @Override
  public Health health() {
    List<FailingWorkflowTasks.FailingTask> failing = tasks.failing();
    if (failing.isEmpty()) {
      return Health.up().withDetail("failing", List.of()).build();
    }
    return Health.status(WARNING)
        .withDetail(
            "failing", failing.stream().map(WorkflowTasksHealthIndicator::describe).toList())
        .build();
  }

  private static Map<String, Object> describe(FailingWorkflowTasks.FailingTask task) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("workflowId", task.workflowId());
    if (task.requestId() != null) {
      details.put("requestId", task.requestId());
    }
    details.put("workflowType", task.workflowType());
    details.put("attempt", task.attempt());
    details.put("lastSeen", task.lastSeen().toString());
    return details;
  }
}
