package dev.lockbox.workflows.archive;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.api.enums.v1.EventType;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.testing.WorkflowReplayer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The recorded run of the archive job replays against the current code (see RecordArchiveHistory).
 */
class AuditArchiveReplayTest {

  private static final Path HISTORY =
      Path.of("src/test/resources/archive-histories/audit-archive.json");

  @Test
  void theRecordedArchiveRunReplaysAgainstTheCurrentCode() throws Exception {
    WorkflowExecutionHistory history = WorkflowExecutionHistory.fromJson(Files.readString(HISTORY));

    assertThat(history.getLastEvent().getEventType())
        .isEqualTo(EventType.EVENT_TYPE_WORKFLOW_EXECUTION_CONTINUED_AS_NEW);
    WorkflowReplayer.replayWorkflowExecution(history, AuditArchiveWorkflowImpl.class);
  }
}
