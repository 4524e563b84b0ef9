package dev.lockbox.worker.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Which workflows count as failing, and when they stop counting. */
class FailingWorkflowTasksTest {

  private final MovableClock clock = new MovableClock();
  private final FailingWorkflowTasks tasks = new FailingWorkflowTasks(clock);

  @Test
  void givenFirstAttemptsAndTheOrdinaryRetry_nothingIsFailing() {
    tasks.polled("lockbox-a", "LockboxWorkflow", 1, token("a1"));
    tasks.polled("lockbox-a", "LockboxWorkflow", 2, token("a2"));

    assertThat(tasks.failing()).isEmpty();
  }

  @Test
  void givenAThirdAttempt_theWorkflowIsFailing_namedByItsRequest() {
    tasks.polled("lockbox-a", "LockboxWorkflow", 3, token("a3"));

    assertThat(tasks.failing())
        .singleElement()
        .satisfies(
            task -> {
              assertThat(task.workflowId()).isEqualTo("lockbox-a");
              assertThat(task.requestId()).isEqualTo("a");
              assertThat(task.attempt()).isEqualTo(3);
            });
    assertThat(tasks.count()).isEqualTo(1);
  }

  @Test
  void givenAFailingWorkflow_whenItsTaskCompletes_itIsNoLongerFailing() {
    tasks.polled("lockbox-a", "LockboxWorkflow", 4, token("a4"));
    tasks.polled("lockbox-b", "LockboxWorkflow", 5, token("b5"));

    tasks.completed(token("a4"));

    assertThat(tasks.failing()).extracting(f -> f.workflowId()).containsExactly("lockbox-b");
  }

  @Test
  void givenAFailingWorkflow_whenACompletionOfAnotherTaskArrives_itStaysFailing() {
    tasks.polled("lockbox-a", "LockboxWorkflow", 4, token("a4"));

    tasks.completed(token("someone-else"));

    assertThat(tasks.count()).isEqualTo(1);
  }

  @Test
  void givenAFailingWorkflow_whenItIsPolledAtAttemptOneAgain_itIsNoLongerFailing() {
    tasks.polled("lockbox-a", "LockboxWorkflow", 7, token("a7"));

    tasks.polled("lockbox-a", "LockboxWorkflow", 1, token("a1"));

    assertThat(tasks.failing()).isEmpty();
  }

  @Test
  void givenAFailingWorkflow_itIsRememberedBetweenTheServersSlowestRetries_andForgottenAfter() {
    tasks.polled("lockbox-a", "LockboxWorkflow", 12, token("a12"));

    clock.advance(Duration.ofMinutes(11)); // the server waits at most 10 minutes between attempts
    assertThat(tasks.count()).isEqualTo(1);

    clock.advance(FailingWorkflowTasks.FORGET_AFTER);
    assertThat(tasks.count()).isZero();
  }

  @Test
  void givenTheLatestAttemptsOfSeveralWorkflows_theLongestFailingComesFirst() {
    tasks.polled("lockbox-a", "LockboxWorkflow", 3, token("a3"));
    tasks.polled("lockbox-b", "LockboxWorkflow", 9, token("b9"));
    tasks.polled("lockbox-a", "LockboxWorkflow", 4, token("a4"));

    assertThat(tasks.failing())
        .extracting(f -> f.workflowId() + "@" + f.attempt())
        .containsExactly("lockbox-b@9", "lockbox-a@4");
  }

  @Test
  void givenAWorkflowThatIsNoLockboxRequest_itHasNoRequestId() {
    tasks.polled("access-reconciler", "AccessReconcilerWorkflow", 3, token("r3"));

    assertThat(tasks.failing().get(0).requestId()).isNull();
  }

  private static ByteString token(String name) {
    return ByteString.copyFromUtf8(name);
  }

  private static final class MovableClock extends Clock {
    private Instant now = Instant.parse("2026-01-01T00:00:00Z");

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}
