package dev.lockbox.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lockbox.local.LockboxHttp.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * Concurrent clients deciding one request over real HTTP: approve (clicked twice), deny and cancel
 * at the same moment → exactly one decision is taken, every other caller gets 409 with the status
 * the request had then, and the request ends as the one decision says.
 */
@Timeout(120)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DecisionRacesIT {

  /** Who sends which decision; the approve twice, as a double click does. */
  private static final List<Map.Entry<String, String>> CALLERS =
      List.of(
          Map.entry("contoso-owner", "approve"),
          Map.entry("contoso-owner", "approve"),
          Map.entry("contoso-owner", "deny"),
          Map.entry("engineer1", "cancel"));

  private static final Map<String, List<String>> ENDS_AFTER =
      Map.of(
          "approve", List.of("APPROVED", "ACCESS_GRANTED", "COMPLETED"),
          "deny", List.of("DENIED"),
          "cancel", List.of("CANCELED"));

  private RunningLockbox lockbox;

  @BeforeAll
  void start() {
    lockbox =
        new RunningLockbox(
            "--lockbox.access-window=PT2S", "--lockbox.minimum-access-duration=PT1S");
  }

  @AfterAll
  void stop() {
    lockbox.close();
  }

  @RepeatedTest(5)
  void approveTwiceDenyAndCancelAtOnce_takeExactlyOneDecision_theOthersGet409WithTheStatus()
      throws Exception {
    String id = LockboxRequests.create(lockbox.http(), "engineer1", LockboxApiIT.DEMO, "PENDING");

    List<Response> answers = decideAtOnce(id);

    List<Integer> winners = new ArrayList<>();
    for (int i = 0; i < answers.size(); i++) {
      Response answer = answers.get(i);
      assertThat(answer.status()).as(answer.body()).isIn(200, 409);
      if (answer.status() == 200) {
        winners.add(i);
      } else {
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.text("currentStatus"))
            .as(answer.body())
            .isNotBlank()
            .isNotEqualTo("PENDING");
      }
    }
    assertThat(winners).as("callers answered 200").hasSize(1);
    String decision = CALLERS.get(winners.get(0)).getValue();
    String status = lockbox.get("auditor", "/api/lockbox-requests/" + id).text("status");
    assertThat(status).as("after " + decision).isIn(ENDS_AFTER.get(decision));
  }

  private List<Response> decideAtOnce(String id) throws Exception {
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(CALLERS.size());
    try {
      List<Future<Response>> futures = new ArrayList<>();
      for (Map.Entry<String, String> caller : CALLERS) {
        futures.add(
            pool.submit(
                () -> {
                  go.await();
                  return lockbox.postJson(
                      caller.getKey(),
                      "/api/lockbox-requests/" + id + "/" + caller.getValue(),
                      "{}");
                }));
      }
      go.countDown();
      List<Response> answers = new ArrayList<>();
      for (Future<Response> future : futures) {
        answers.add(future.get());
      }
      return answers;
    } finally {
      pool.shutdown();
    }
  }
}
