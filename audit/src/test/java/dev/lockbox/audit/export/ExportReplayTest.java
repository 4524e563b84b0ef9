package dev.lockbox.audit.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lockbox.workflows.LockboxWorkflowImpl;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.testing.WorkflowReplayer;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Replay as a guard for exports: the raw history in every line of an export replays against the
 * current workflow code, so an export is evidence that the running code produced it.
 */
class ExportReplayTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void everyHistoryInAnExportReplaysAgainstTheCurrentWorkflowCode() throws Exception {
    List<String> lines = TestExports.lines(TestExports.export(9, AuditSigningKey.generate()));
    List<String> requests = lines.subList(0, lines.size() - 1);

    for (String line : requests) {
      JsonNode request = JSON.readTree(line);
      WorkflowExecutionHistory history =
          WorkflowExecutionHistory.fromJson(
              request.get("history").toString(), request.get("workflowId").asText());
      WorkflowReplayer.replayWorkflowExecution(history, LockboxWorkflowImpl.class);
    }
    assertThat(requests).hasSize(9);
  }
}
