package dev.lockbox.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.temporal.common.WorkflowExecutionHistory;
import java.util.List;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * From the workflow's policy-and-approvers-as-local-activities on, the JIT evaluation and the
 * approver look-ups are local activities: markers in the history instead of activity events. The
 * audit trail must not notice: every recorded path reads as it did with activities.
 */
class LocalLookupsTrailTest {

  private static final String BEFORE = "read-model-writer-on-demand";
  private static final String LOCAL = "policy-and-approvers-as-local-activities";

  @ParameterizedTest
  @ValueSource(
      strings = {
        "approve",
        "deny",
        "expire",
        "reject",
        "grant-without-lockbox",
        "internal-approve",
        "internal-timeout",
        "break-glass",
        "quorum-approve",
        "levels-approve",
        "extension-approved",
        "question-answered"
      })
  void aPathReadsTheSameWithTheLookupsAsLocalActivities(String path) {
    List<Tuple> local = trail(LOCAL, path);

    assertThat(local).isEqualTo(trail(BEFORE, path));
    assertThat(local).extracting(t -> t.toList().get(0)).contains(AuditAction.EVALUATE_JIT);
  }

  @org.junit.jupiter.api.Test
  void aPolicyThatCannotAnswer_isAnEvaluationThatRefuses_thenAReject() {
    assertThat(trail(LOCAL, "policy-unavailable"))
        .containsExactly(
            tuple(
                AuditAction.CREATE,
                "engineer1",
                "API",
                "RemoteDesktop on VirtualMachine vm-web-01: Customer reports RDP failures; need to"
                    + " inspect event logs"),
            tuple(
                AuditAction.EVALUATE_JIT,
                "system",
                "SYSTEM",
                "the JIT policy could not be evaluated (the rules file could not be read); the"
                    + " request is refused"),
            tuple(AuditAction.REJECT, "system", "SYSTEM", "the JIT policy could not be evaluated"));
  }

  /** Action, actor, channel and reason, with the instants (recorded at different times) masked. */
  private static List<Tuple> trail(String version, String path) {
    return AuditTrail.of(
            path, WorkflowExecutionHistory.fromJson(RecordedHistories.json(version, path)))
        .stream()
        .map(
            e ->
                tuple(
                    e.action(),
                    e.actor(),
                    e.channel(),
                    e.reason() == null
                        ? null
                        : e.reason().replaceAll("\\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z", "<instant>")))
        .toList();
  }
}
