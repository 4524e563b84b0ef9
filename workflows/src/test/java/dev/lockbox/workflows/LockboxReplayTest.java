package dev.lockbox.workflows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lockbox.workflows.testing.ReorderedLockboxWorkflow;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.testing.WorkflowReplayer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Replays every recorded history against the current workflow code. A failure here means a change
 * would break requests already running: put it behind {@code Workflow.getVersion}. Histories are
 * kept per workflow version ({@code initial/}, {@code notices/}, {@code internal-review/}, {@code
 * safe-timer-stop/}, {@code approver-notices-in-background/}, {@code
 * approval-levels-and-narrowing/}, {@code extensions-and-questions/}, {@code
 * read-model-writer-on-demand/}, {@code policy-and-approvers-as-local-activities/}, {@code
 * read-model-writes-batched/}, …): what ran before a change must keep replaying after it.
 */
class LockboxReplayTest {

  private static final Path HISTORIES = Path.of("src/test/resources/histories");
  private static final Path LATEST = HISTORIES.resolve("read-model-writes-batched");

  static List<Path> recordedHistories() throws IOException {
    try (Stream<Path> files = Files.walk(HISTORIES)) {
      return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
    }
  }

  @Test
  void everyLifecyclePathHasARecordedHistoryOfTheLatestVersion() throws IOException {
    assertThat(recordedHistories())
        .filteredOn(p -> p.getParent().equals(LATEST))
        .extracting(p -> p.getFileName().toString())
        .contains(
            "approve.json",
            "deny.json",
            "expire.json",
            "cancel.json",
            "early-revoke.json",
            "cancel-during-access.json",
            "reject.json",
            "grant-without-lockbox.json",
            "internal-approve.json",
            "internal-deny.json",
            "internal-timeout.json",
            "break-glass.json",
            "approve-last-second.json",
            "revoke-last-second.json",
            "approve-created-with-update.json",
            "approve-narrowed.json",
            "quorum-approve.json",
            "quorum-deny.json",
            "levels-approve.json",
            "question-answered.json",
            "extension-approved.json",
            "extension-denied.json",
            "extension-expired.json",
            "extension-quorum.json");
  }

  @ParameterizedTest
  @MethodSource("recordedHistories")
  void recordedHistoryReplaysAgainstTheCurrentCode(Path file) throws Exception {
    WorkflowReplayer.replayWorkflowExecution(history(file), LockboxWorkflowImpl.class);
  }

  @ParameterizedTest
  @MethodSource("recordedHistories")
  void anIncompatibleChangeFailsReplay(Path file) {
    assertThatThrownBy(
            () ->
                WorkflowReplayer.replayWorkflowExecution(
                    history(file), ReorderedLockboxWorkflow.class))
        .hasMessageContaining("NonDeterministicException");
  }

  private static WorkflowExecutionHistory history(Path file) {
    try {
      return WorkflowExecutionHistory.fromJson(Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
