package dev.lockbox.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.lockbox.activities.access.AccessReconciler;
import dev.lockbox.readmodel.AccessGrantRepository;
import dev.lockbox.workflows.LockboxNames;
import dev.lockbox.workflows.LockboxWorkflow;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.enums.v1.ResetReapplyType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.api.workflowservice.v1.ResetWorkflowExecutionRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.serviceclient.WorkflowServiceStubs;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.slf4j.LoggerFactory;

/**
 * The access reconciler on the real server (a Temporal Schedule every 2 s here): a terminated
 * workflow runs no cleanup, and a workflow reset to before its approval waits for a decision again
 * with its grant still live; the reconciler revokes the grant either left; a granted request whose
 * grant vanished is reported. Both are counted in metrics.
 */
@Timeout(180)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReconcilerIT {

  private static final String DEMO =
      """
      {"supportTicketId":"SR-1001","tenantId":"contoso","subscriptionId":"contoso-prod",
       "resourceType":"VirtualMachine","resourceId":"%s","accessLevel":"RemoteDesktop",
       "justification":"Customer reports RDP failures; need to inspect event logs"}""";

  private RunningLockbox lockbox;

  @BeforeAll
  void start() {
    lockbox = new RunningLockbox("--lockbox.access.reconciler.interval=PT2S");
  }

  @AfterAll
  void stop() {
    lockbox.close();
  }

  @Test
  void aGrantLeftByATerminatedWorkflowIsRevokedByTheReconciler() {
    String id = granted("vm-terminated");
    assertThat(allowed("vm-terminated")).isTrue();

    lockbox
        .bean(WorkflowClient.class)
        .newUntypedWorkflowStub(LockboxNames.workflowId(id))
        .terminate("operator test: terminate skips cleanup");

    await("orphaned grant revoked")
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> !allowed("vm-terminated"));
    assertThat(metric("lockbox_reconciler_orphaned_grants_total")).isGreaterThanOrEqualTo(1.0);
  }

  @Test
  void aGrantLeftByAWorkflowResetToBeforeItsApprovalIsRevokedByTheReconciler_andLogged() {
    String id = granted("vm-reset");
    assertThat(allowed("vm-reset")).isTrue();
    double orphanedBefore = metric("lockbox_reconciler_orphaned_grants_total");
    ListAppender<ILoggingEvent> logged = new ListAppender<>();
    logged.start();
    Logger reconcilerLog = (Logger) LoggerFactory.getLogger(AccessReconciler.class);
    reconcilerLog.addAppender(logged);

    try {
      resetToBeforeTheApproval(id);
      LockboxRequests.awaitStatus(lockbox.http(), id, "PENDING");

      await("grant of the reset request revoked")
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(500))
          .until(() -> !allowed("vm-reset"));
      assertThat(metric("lockbox_reconciler_orphaned_grants_total")).isGreaterThan(orphanedBefore);
      assertThat(logged.list)
          .anyMatch(
              line ->
                  line.getLevel() == Level.WARN
                      && line.getFormattedMessage().contains(id)
                      && line.getFormattedMessage().contains("PENDING"));
    } finally {
      reconcilerLog.detachAppender(logged);
    }
  }

  /**
   * What an operator does with {@code temporal workflow reset}: a new run from the workflow task
   * before the approval was accepted, with nothing reapplied, so it waits for a decision again.
   */
  private void resetToBeforeTheApproval(String id) {
    String workflowId = LockboxNames.workflowId(id);
    List<HistoryEvent> events =
        lockbox.bean(WorkflowClient.class).fetchHistory(workflowId).getEvents();
    long beforeApproval =
        events.stream()
            .takeWhile(e -> !isTheApproval(e))
            .filter(e -> e.getEventType() == EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED)
            .mapToLong(HistoryEvent::getEventId)
            .max()
            .orElseThrow();
    lockbox
        .bean(WorkflowServiceStubs.class)
        .blockingStub()
        .resetWorkflowExecution(
            ResetWorkflowExecutionRequest.newBuilder()
                .setNamespace(lockbox.namespace())
                .setWorkflowExecution(WorkflowExecution.newBuilder().setWorkflowId(workflowId))
                .setWorkflowTaskFinishEventId(beforeApproval)
                .setResetReapplyType(ResetReapplyType.RESET_REAPPLY_TYPE_NONE)
                .setReason("operator test: reset to before the approval")
                .setRequestId(UUID.randomUUID().toString())
                .build());
  }

  private static boolean isTheApproval(HistoryEvent e) {
    return e.getEventType() == EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED
        && e.getWorkflowExecutionUpdateAcceptedEventAttributes()
            .getAcceptedRequest()
            .getInput()
            .getName()
            .equals(LockboxWorkflow.APPROVE);
  }

  @Test
  void aGrantedRequestWithoutALiveGrantIsReported() {
    String id = granted("vm-vanished");

    lockbox.bean(AccessGrantRepository.class).revoke(id); // behind the workflow's back

    await("missing grant reported")
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> metric("lockbox_reconciler_missing_grants_total") >= 1.0);
  }

  private String granted(String resourceId) {
    String id =
        LockboxRequests.create(lockbox.http(), "engineer1", DEMO.formatted(resourceId), "PENDING");
    LockboxRequests.decide(lockbox.http(), "contoso-owner", id, "approve");
    LockboxRequests.awaitStatus(lockbox.http(), id, "ACCESS_GRANTED");
    return id;
  }

  private boolean allowed(String resourceId) {
    return lockbox
        .get("gateway", "/api/access/check?principal=engineer1&resourceId=" + resourceId)
        .json()
        .path("allowed")
        .asBoolean();
  }

  private double metric(String name) {
    String body = lockbox.get("operator", "/actuator/prometheus").body();
    return body.lines()
        .filter(line -> line.startsWith(name + " ") || line.startsWith(name + "{"))
        .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
        .sum();
  }
}
