package dev.lockbox.workflows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lockbox.workflows.activities.AccessActivities;
import dev.lockbox.workflows.activities.DirectoryActivities;
import dev.lockbox.workflows.activities.NotificationActivities;
import dev.lockbox.workflows.activities.PolicyActivities;
import dev.lockbox.workflows.activities.ReadModelActivities;
import dev.lockbox.workflows.model.DecisionKind;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.common.WorkflowExecutionHistory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The names declared once in the workflow's interfaces are exactly the names in the recorded
 * histories: a renamed constant fails here, with the name that changed, before replay says why.
 */
class WireNamesTest {

  @Test
  void theActivityTypesAreTheRecordedOnes() throws IOException {
    assertThat(namesInHistories(WireNamesTest::activityType))
        .containsExactlyInAnyOrder(
            PolicyActivities.EVALUATE_REQUEST,
            DirectoryActivities.FIND_APPROVERS,
            DirectoryActivities.FIND_INTERNAL_APPROVERS,
            DirectoryActivities.FIND_APPROVAL_LEVELS,
            NotificationActivities.NOTIFY_APPROVERS,
            NotificationActivities.NOTIFY_REQUESTER,
            AccessActivities.GRANT_ACCESS,
            AccessActivities.REVOKE_ACCESS,
            AccessActivities.EXTEND_ACCESS,
            ReadModelActivities.RECORD_STATE,
            ReadModelActivities.RECORD_STATES);
  }

  @Test
  void theUpdateNamesAreTheRecordedOnes() throws IOException {
    assertThat(namesInHistories(WireNamesTest::updateName))
        .containsExactlyInAnyOrder(
            LockboxWorkflow.APPROVE,
            LockboxWorkflow.DENY,
            LockboxWorkflow.INTERNAL_APPROVE,
            LockboxWorkflow.INTERNAL_DENY,
            LockboxWorkflow.CANCEL,
            LockboxWorkflow.REVOKE,
            LockboxWorkflow.AWAIT_SETTLED,
            LockboxWorkflow.ASK_QUESTION,
            LockboxWorkflow.ANSWER_QUESTION,
            LockboxWorkflow.REQUEST_EXTENSION,
            LockboxWorkflow.APPROVE_EXTENSION,
            LockboxWorkflow.DENY_EXTENSION);
  }

  @Test
  void theWorkflowTypeIsTheRecordedOne() throws IOException {
    assertThat(namesInHistories(WireNamesTest::workflowType)).containsExactly(LockboxWorkflow.TYPE);
  }

  @ParameterizedTest
  @EnumSource(
      value = DecisionKind.class,
      names = {"EXPIRE", "INTERNAL_EXPIRE"},
      mode = EnumSource.Mode.EXCLUDE)
  void everyDecisionTakenByHandHasItsUpdate(DecisionKind kind) throws IOException {
    assertThat(namesInHistories(WireNamesTest::updateName))
        .contains(LockboxWorkflow.updateName(kind));
  }

  @Test
  void anExpiryHasNoUpdate() {
    assertThatThrownBy(() -> LockboxWorkflow.updateName(DecisionKind.EXPIRE))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static Set<String> namesInHistories(Function<HistoryEvent, String> name)
      throws IOException {
    return LockboxReplayTest.recordedHistories().stream()
        .flatMap(file -> events(file).stream())
        .map(name)
        .filter(n -> n != null)
        .collect(Collectors.toSet());
  }

  private static List<HistoryEvent> events(Path file) {
    try {
      return WorkflowExecutionHistory.fromJson(Files.readString(file)).getEvents();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String activityType(HistoryEvent e) {
    return e.hasActivityTaskScheduledEventAttributes()
        ? e.getActivityTaskScheduledEventAttributes().getActivityType().getName()
        : null;
  }

  private static String updateName(HistoryEvent e) {
    return e.hasWorkflowExecutionUpdateAcceptedEventAttributes()
        ? e.getWorkflowExecutionUpdateAcceptedEventAttributes()
            .getAcceptedRequest()
            .getInput()
            .getName()
        : null;
  }

  private static String workflowType(HistoryEvent e) {
    return e.hasWorkflowExecutionStartedEventAttributes()
        ? e.getWorkflowExecutionStartedEventAttributes().getWorkflowType().getName()
        : null;
  }
}
