package dev.lockbox.activities.access;

import dev.lockbox.workflows.LockboxNames;
import dev.lockbox.workflows.reconcile.AccessReconcilerWorkflow;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.enums.v1.ScheduleOverlapPolicy;
import io.temporal.api.enums.v1.WorkflowIdConflictPolicy;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.schedules.Schedule;
import io.temporal.client.schedules.ScheduleActionStartWorkflow;
import io.temporal.client.schedules.ScheduleAlreadyRunningException;
import io.temporal.client.schedules.ScheduleClient;
import io.temporal.client.schedules.ScheduleClientOptions;
import io.temporal.client.schedules.ScheduleIntervalSpec;
import io.temporal.client.schedules.ScheduleOptions;
import io.temporal.client.schedules.SchedulePolicy;
import io.temporal.client.schedules.ScheduleSpec;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;

/**
 * Starts the access reconciler: a Temporal Schedule ({@link AccessReconcilerWorkflow#ID}, one pass
 * per interval, overlaps skipped) where the server has schedules; otherwise (the in-memory test
 * server) one repeating workflow of the same id. Either is kept when it already exists.
 */
public class AccessReconcilerStarter implements ApplicationListener<ApplicationReadyEvent> {

  private static final Logger log = LoggerFactory.getLogger(AccessReconcilerStarter.class);

  private final WorkflowClient client;
  private final AccessSettings.Reconciler settings;

  public AccessReconcilerStarter(WorkflowClient client, AccessSettings settings) {
    this.client = client;
    this.settings = settings.reconciler();
  }

  @Override
  public void onApplicationEvent(ApplicationReadyEvent event) {
    if (!settings.enabled()) {
      return;
    }
    try {
      schedules()
          .createSchedule(
              AccessReconcilerWorkflow.ID, schedule(), ScheduleOptions.newBuilder().build());
      log.info("Access reconciler scheduled every {}", settings.interval());
    } catch (ScheduleAlreadyRunningException exists) {
      log.info("Access reconciler schedule already exists");
    } catch (RuntimeException e) {
      if (unimplemented(e)) {
        startRepeatingWorkflow();
      } else {
        // The worker's own work goes on; the missing reconciler is loud in the log instead.
        log.error(
            "Access reconciler could not be scheduled; orphaned grants are not looked for", e);
      }
    }
  }

  private ScheduleClient schedules() {
    return ScheduleClient.newInstance(
        client.getWorkflowServiceStubs(),
        ScheduleClientOptions.newBuilder()
            .setNamespace(client.getOptions().getNamespace())
            .build());
  }

  private Schedule schedule() {
    return Schedule.newBuilder()
        .setAction(
            ScheduleActionStartWorkflow.newBuilder()
                .setWorkflowType(AccessReconcilerWorkflow.class)
                .setArguments((Duration) null) // one pass per start: the schedule repeats it
                .setOptions(
                    WorkflowOptions.newBuilder()
                        .setWorkflowId(AccessReconcilerWorkflow.ID)
                        .setTaskQueue(LockboxNames.TASK_QUEUE)
                        .build())
                .build())
        .setSpec(
            ScheduleSpec.newBuilder()
                .setIntervals(List.of(new ScheduleIntervalSpec(settings.interval())))
                .build())
        .setPolicy(
            SchedulePolicy.newBuilder()
                .setOverlap(ScheduleOverlapPolicy.SCHEDULE_OVERLAP_POLICY_SKIP)
                .build())
        .build();
  }

  private void startRepeatingWorkflow() {
    AccessReconcilerWorkflow job =
        client.newWorkflowStub(
            AccessReconcilerWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(AccessReconcilerWorkflow.ID)
                .setTaskQueue(LockboxNames.TASK_QUEUE)
                .setWorkflowIdConflictPolicy(
                    WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_USE_EXISTING)
                .build());
    try {
      WorkflowClient.start(job::run, settings.interval());
      log.info(
          "Access reconciler runs every {} (a repeating workflow: this server has no schedules)",
          settings.interval());
    } catch (WorkflowExecutionAlreadyStarted running) {
      log.info("Access reconciler already running");
    }
  }

  private static boolean unimplemented(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof StatusRuntimeException s
          && s.getStatus().getCode() == Status.Code.UNIMPLEMENTED) {
        return true;
      }
    }
    return false;
  }
}
