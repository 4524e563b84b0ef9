package dev.lockbox.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lockbox.workflows.model.LockboxStatus;
import dev.lockbox.workflows.testing.LockboxTestEnvironment;
import dev.lockbox.workflows.testing.LockboxTestRequests;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A request that waits (for days, in the worker's cache) holds its workflow method's thread only
 * ({@link Features#READ_MODEL_WRITER_ON_DEMAND}): the read model's writer and the emails' threads
 * end once their work is done. Before, the writer kept a second thread per cached request, and the
 * worker's thread limit evicted requests from its cache at half the size.
 */
@Timeout(60)
class WaitingRequestThreadsTest {

  private final LockboxTestEnvironment test = new LockboxTestEnvironment();

  @AfterEach
  void close() {
    test.close();
  }

  @Test
  void aPendingRequestWhoseWritesAndEmailsAreDoneHoldsNoThreadBesideItsWorkflowMethod()
      throws InterruptedException {
    LockboxWorkflow workflow = test.start(LockboxTestRequests.demo("r-threads"));
    test.awaitStatus(workflow, LockboxStatus.PENDING);

    List<String> extra = extraThreadsOnceIdle("r-threads", Duration.ofSeconds(20));

    assertThat(extra).isEmpty();
    assertThat(test.activities.recorded)
        .extracting(s -> s.status())
        .contains(LockboxStatus.PENDING);
    assertThat(test.activities.notices).hasSize(1);
  }

  /**
   * The SDK names a workflow's own threads after it ({@code workflow[<workflow id>]-<n>}); the
   * method's thread is named apart. Waits until the writes and the email are done first.
   */
  private List<String> extraThreadsOnceIdle(String requestId, Duration atMost)
      throws InterruptedException {
    String prefix = "workflow[" + LockboxNames.workflowId(requestId) + "]";
    long deadline = System.nanoTime() + atMost.toNanos();
    List<String> extra;
    do {
      Thread.sleep(100);
      extra =
          Thread.getAllStackTraces().keySet().stream()
              .map(Thread::getName)
              .filter(name -> name.startsWith(prefix))
              .toList();
    } while (!(extra.isEmpty() && idle()) && System.nanoTime() < deadline);
    return extra;
  }

  private boolean idle() {
    return !test.activities.notices.isEmpty()
        && test.activities.recorded.stream().anyMatch(s -> s.status() == LockboxStatus.PENDING);
  }
}
