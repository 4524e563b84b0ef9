package dev.lockbox.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lockbox.workflows.model.JitOutcome;
import dev.lockbox.workflows.model.LockboxState;
import dev.lockbox.workflows.model.LockboxStatus;
import dev.lockbox.workflows.testing.LockboxTestEnvironment;
import dev.lockbox.workflows.testing.LockboxTestRequests;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The API's create is one Update-with-Start: the start and the wait for the request's first answer,
 * with that answer already in the read model.
 */
@Timeout(60)
class CreateWithUpdateTest {

  private final LockboxTestEnvironment test = new LockboxTestEnvironment();

  @AfterEach
  void close() {
    test.close();
  }

  @Test
  void aRequestForTheCustomerAnswersPending_andTheReadModelAlreadyShowsIt() {
    LockboxState settled = test.startAndSettle(LockboxTestRequests.demo("r-settle-pending"));

    assertThat(settled.status()).isEqualTo(LockboxStatus.PENDING);
    assertThat(settled.expiresAt()).isNotNull();
    assertThat(test.activities.recorded)
        .extracting(LockboxState::status)
        .containsExactly(LockboxStatus.EVALUATING, LockboxStatus.PENDING);
  }

  @Test
  void aRejectedRequestAnswersRejected() {
    test.activities.outcome = JitOutcome.REJECT;

    assertThat(test.startAndSettle(LockboxTestRequests.demo("r-settle-reject")).status())
        .isEqualTo(LockboxStatus.REJECTED);
  }

  @Test
  void breakGlassAnswersOnceAccessIsGranted() {
    assertThat(test.startAndSettle(LockboxTestRequests.breakGlass("r-settle-glass")).status())
        .isEqualTo(LockboxStatus.ACCESS_GRANTED);
  }

  @Test
  void theAnswerWaitsForTheReadModel() throws Exception {
    CountDownLatch pendingBeingWritten = new CountDownLatch(1);
    CountDownLatch readModelBack = new CountDownLatch(1);
    test.activities.onRecordState =
        state -> {
          if (state.status() == LockboxStatus.PENDING) {
            pendingBeingWritten.countDown();
            await(readModelBack);
          }
        };
    CompletableFuture<LockboxState> answer =
        CompletableFuture.supplyAsync(
            () -> test.startAndSettle(LockboxTestRequests.demo("r-settle-slow-read-model")));
    assertThat(pendingBeingWritten.await(20, TimeUnit.SECONDS)).isTrue();
    assertThat(test.stub("r-settle-slow-read-model").getState().status())
        .isEqualTo(LockboxStatus.PENDING);
    assertThat(answer).isNotDone();

    readModelBack.countDown();

    assertThat(answer.get().status()).isEqualTo(LockboxStatus.PENDING);
    assertThat(test.activities.recorded)
        .extracting(LockboxState::status)
        .contains(LockboxStatus.PENDING);
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
