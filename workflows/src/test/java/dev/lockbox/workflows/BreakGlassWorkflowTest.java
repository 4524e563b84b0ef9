package dev.lockbox.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lockbox.workflows.activities.NoticeKind;
import dev.lockbox.workflows.model.JitOutcome;
import dev.lockbox.workflows.model.LockboxState;
import dev.lockbox.workflows.model.LockboxStatus;
import dev.lockbox.workflows.testing.LockboxTestEnvironment;
import dev.lockbox.workflows.testing.LockboxTestRequests;
import io.temporal.client.WorkflowStub;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class BreakGlassWorkflowTest {

  private final LockboxTestEnvironment test = new LockboxTestEnvironment();

  @AfterEach
  void close() {
    test.close();
  }

  @Test
  void breakGlassIsGrantedAtOnce_theApproversHearOfItAfterwards_andItEndsWithItsWindow() {
    test.activities.internalRole = "support-lead";
    LockboxWorkflow workflow = test.start(LockboxTestRequests.breakGlass("bg-1"));

    LockboxState granted = test.awaitStatus(workflow, LockboxStatus.ACCESS_GRANTED);
    assertThat(granted.status()).isEqualTo(LockboxStatus.ACCESS_GRANTED);
    assertThat(granted.request().breakGlass()).isTrue();
    assertThat(test.activities.grants).hasSize(1);

    LockboxState done = WorkflowStub.fromTyped(workflow).getResult(LockboxState.class);
    // The approvers hear of it right after the grant: by the end the notice has been sent, once.
    assertThat(test.activities.notices)
        .singleElement()
        .satisfies(n -> assertThat(n.kind()).isEqualTo(NoticeKind.BREAK_GLASS_USED));
    assertThat(done.status()).isEqualTo(LockboxStatus.COMPLETED);
    assertThat(Duration.between(done.accessGrantedAt(), done.accessExpiresAt()))
        .isEqualTo(Duration.ofHours(1));
  }

  @Test
  void breakGlassNeverOverridesARejection() {
    test.activities.outcome = JitOutcome.REJECT;

    LockboxState state =
        WorkflowStub.fromTyped(test.start(LockboxTestRequests.breakGlass("bg-2")))
            .getResult(LockboxState.class);

    assertThat(state.status()).isEqualTo(LockboxStatus.REJECTED);
    assertThat(test.activities.grants).isEmpty();
  }
}
