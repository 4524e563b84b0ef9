package dev.lockbox.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lockbox.workflows.model.Channel;
import dev.lockbox.workflows.model.Decision;
import dev.lockbox.workflows.model.LockboxState;
import dev.lockbox.workflows.model.LockboxStatus;
import dev.lockbox.workflows.testing.FakeActivities;
import dev.lockbox.workflows.testing.LockboxTestEnvironment;
import dev.lockbox.workflows.testing.LockboxTestRequests;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowStub;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The size of the most common history: a request created, approved by the customer, held for its
 * access window and revoked. Every event is stored by Temporal, replayed on each cache miss and
 * exported to auditors, so the count is a cost the benchmark reports as {@code
 * history_events_approve_path}; this test pins it so that a change to it is made on purpose.
 */
@Timeout(60)
class ApprovePathHistoryTest {

  /**
   * What the workflow does on the approve path, as history events: 9 activities (the approvers'
   * email, grant, the engineer's two emails, revoke, and four read-model writes: EVALUATING and
   * PENDING together, APPROVED, ACCESS_GRANTED, COMPLETED; scheduled, started, completed each), 14
   * markers (12 versions, and the policy evaluation and the approver look-up as local activities,
   * one marker each), 3 timers (approval window and reminder, cancelled by the approval; the access
   * window, fired), 4 status upserts, two Updates (the create's awaitSettled and the approve;
   * accepted, completed each), the start and the completion. A change to the workflow that adds or
   * removes a command changes this number: update it, and docs/performance.md, in the same change,
   * and say why in its message.
   *
   * <p>The workflow tasks' own events (scheduled, started, completed; failed or timed out when a
   * starved machine retries one) come on top, fewer on a real server where steps share tasks. How
   * many tasks there are depends on when results reach the server, not on the workflow, so they are
   * not pinned; the benchmark reports both figures.
   */
  static final int APPROVE_PATH_EVENTS = 57;

  private final LockboxTestEnvironment test = new LockboxTestEnvironment();

  @AfterEach
  void close() {
    test.close();
  }

  @Test
  void givenCreatedApprovedAndHeldToTheEnd_theHistoryHasThePinnedNumberOfEvents() {
    // Created the way the api creates it: Update-with-Start, answered once the policy has.
    test.startAndSettle(LockboxTestRequests.demo("r-approve-path"));
    LockboxWorkflow workflow = test.stub("r-approve-path");
    // The approvers' email runs beside the wait for a decision; let it finish first so the
    // events come in one order (an approval racing the email may share its workflow task).
    test.awaitState(
        workflow, s -> s.status() == LockboxStatus.PENDING && !s.notifications().isEmpty());

    workflow.approve(new Decision(FakeActivities.APPROVER, Channel.PORTAL, "looks fine"));
    LockboxState done = WorkflowStub.fromTyped(workflow).getResult(LockboxState.class);

    assertThat(done.status()).isEqualTo(LockboxStatus.COMPLETED);
    List<HistoryEvent> events =
        test.client().fetchHistory(LockboxNames.workflowId("r-approve-path")).getEvents();
    List<HistoryEvent> commandEvents =
        events.stream().filter(e -> !isWorkflowTaskEvent(e)).toList();
    assertThat(commandEvents)
        .as(
            "events of the approve path besides workflow tasks:%n%s",
            commandEvents.stream()
                .map(e -> e.getEventId() + " " + e.getEventType())
                .collect(Collectors.joining("\n")))
        .hasSize(APPROVE_PATH_EVENTS);
    assertThat(count(commandEvents, EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED)).isEqualTo(9);
    assertThat(count(commandEvents, EventType.EVENT_TYPE_MARKER_RECORDED)).isEqualTo(14);
    assertThat(count(commandEvents, EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_COMPLETED))
        .isEqualTo(2);
    assertThat(count(commandEvents, EventType.EVENT_TYPE_TIMER_STARTED)).isEqualTo(3);
    assertThat(count(commandEvents, EventType.EVENT_TYPE_UPSERT_WORKFLOW_SEARCH_ATTRIBUTES))
        .isEqualTo(4);
  }

  private static long count(List<HistoryEvent> events, EventType type) {
    return events.stream().filter(e -> e.getEventType() == type).count();
  }

  /** Scheduled, started, completed, and failed or timed out on a starved machine. */
  private static boolean isWorkflowTaskEvent(HistoryEvent e) {
    return e.getEventType().name().startsWith("EVENT_TYPE_WORKFLOW_TASK_");
  }
}
