package dev.lockbox.workflows;

import static dev.lockbox.workflows.testing.FakeActivities.APPROVER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lockbox.workflows.model.Channel;
import dev.lockbox.workflows.model.Decision;
import dev.lockbox.workflows.model.LockboxState;
import dev.lockbox.workflows.model.LockboxStatus;
import dev.lockbox.workflows.testing.LockboxTestEnvironment;
import dev.lockbox.workflows.testing.LockboxTestRequests;
import io.temporal.api.common.v1.Payload;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowStub;
import io.temporal.common.converter.DefaultDataConverter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The read model never shows a status the workflow has not reached: each state is written only once
 * the status is in the history (the task that reached it has completed).
 */
@Timeout(60)
class ReadModelAfterCommitTest {

  private final LockboxTestEnvironment test = new LockboxTestEnvironment();

  @AfterEach
  void close() {
    test.close();
  }

  @Test
  void everyStatusIsInTheHistoryBeforeTheReadModelShowsIt() {
    String requestId = "r-read-model-after-commit";
    List<String> writtenTooEarly = new CopyOnWriteArrayList<>();
    test.activities.onRecordState =
        state -> {
          // The first status is set when the workflow is started; every later one by an upsert.
          if (state.version() > 1
              && !statusesInHistory(requestId).contains(state.status().name())) {
            writtenTooEarly.add(state.status() + " v" + state.version());
          }
        };
    LockboxWorkflow workflow = test.start(LockboxTestRequests.demo(requestId));
    test.awaitStatus(workflow, LockboxStatus.PENDING);
    workflow.approve(new Decision(APPROVER, Channel.PORTAL, null));
    WorkflowStub.fromTyped(workflow).getResult(LockboxState.class);

    assertThat(test.activities.recorded)
        .extracting(LockboxState::status)
        .containsExactly(
            LockboxStatus.EVALUATING,
            LockboxStatus.PENDING,
            LockboxStatus.APPROVED,
            LockboxStatus.ACCESS_GRANTED,
            LockboxStatus.COMPLETED);
    assertThat(writtenTooEarly).isEmpty();
  }

  /** The LockboxStatus values the history's search attribute upserts hold so far. */
  private List<String> statusesInHistory(String requestId) {
    return test.client().fetchHistory(LockboxNames.workflowId(requestId)).getEvents().stream()
        .filter(e -> e.getEventType() == EventType.EVENT_TYPE_UPSERT_WORKFLOW_SEARCH_ATTRIBUTES)
        .map(ReadModelAfterCommitTest::upsertedStatus)
        .toList();
  }

  private static String upsertedStatus(HistoryEvent event) {
    Payload status =
        event
            .getUpsertWorkflowSearchAttributesEventAttributes()
            .getSearchAttributes()
            .getIndexedFieldsMap()
            .get(LockboxSearchAttributes.STATUS.getName());
    return DefaultDataConverter.STANDARD_INSTANCE.fromPayload(status, String.class, String.class);
  }
}
