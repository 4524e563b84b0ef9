package dev.lockbox.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.lockbox.local.LockboxHttp.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Approvals landing at the expiry boundary, over real HTTP on the real dev server: 60 requests with
 * a 3 s approval window, each approved at its own offset spread over ±100 ms around its {@code
 * expiresAt}. Every approve is answered (200 or 409), and every request ends granted (then
 * completed) or expired: none is stuck in PENDING or APPROVED.
 */
@Timeout(180)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExpiryBoundaryIT {

  private static final Logger log = LoggerFactory.getLogger(ExpiryBoundaryIT.class);

  private static final int REQUESTS = 60;
  private static final int SPREAD_MS = 100;
  private static final int AT_ONCE = 12;

  private RunningLockbox lockbox;

  @BeforeAll
  void start() {
    lockbox =
        new RunningLockbox(
            "--lockbox.approval-window=PT3S",
            "--lockbox.access-window=PT1S",
            "--lockbox.minimum-access-duration=PT1S");
  }

  @AfterAll
  void stop() {
    lockbox.close();
  }

  record Try(String id, long offsetMs, int answer) {}

  @Test
  void approvalsSpreadAroundExpiresAt_everyRequestEndsGrantedOrExpired_neverStuck()
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(AT_ONCE);
    List<Try> tries = new ArrayList<>();
    try {
      List<Future<Try>> futures = new ArrayList<>();
      for (int i = 0; i < REQUESTS; i++) {
        long offset = -SPREAD_MS + Math.round(2.0 * SPREAD_MS * i / (REQUESTS - 1));
        futures.add(pool.submit(() -> approveAt(offset)));
      }
      for (Future<Try> future : futures) {
        tries.add(future.get());
      }
    } finally {
      pool.shutdown();
    }

    Map<String, Integer> endings = new TreeMap<>();
    for (Try t : tries) {
      assertThat(t.answer()).as("approve of %s at %+d ms", t.id(), t.offsetMs()).isIn(200, 409);
      String end = awaitEnd(t.id());
      endings.merge(end + " after " + t.answer(), 1, Integer::sum);
      assertThat(end)
          .as("%s approved at %+d ms (%d)", t.id(), t.offsetMs(), t.answer())
          .isEqualTo(t.answer() == 200 ? "COMPLETED" : "EXPIRED");
    }
    log.info("Approvals within ±{} ms of expiresAt: {}", SPREAD_MS, endings);
  }

  private Try approveAt(long offsetMs) throws InterruptedException {
    Response created = lockbox.postJson("engineer1", "/api/lockbox-requests", LockboxApiIT.DEMO);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String id = created.text("id");
    // On a busy machine the create may answer while still EVALUATING, before expiresAt is set.
    LockboxRequests.awaitStatus(lockbox.http(), id, "PENDING");
    Instant expiresAt =
        Instant.parse(lockbox.get("auditor", "/api/lockbox-requests/" + id).text("expiresAt"));
    long wait = Duration.between(Instant.now(), expiresAt.plusMillis(offsetMs)).toMillis();
    if (wait > 0) {
      Thread.sleep(wait);
    }
    Response approved =
        lockbox.postJson("contoso-owner", "/api/lockbox-requests/" + id + "/approve", "{}");
    return new Try(id, offsetMs, approved.status());
  }

  /** The final status: COMPLETED (granted, then its one-second window ended) or EXPIRED. */
  private String awaitEnd(String id) {
    return await(id + " ends")
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(250))
        .until(
            () -> lockbox.get("auditor", "/api/lockbox-requests/" + id).text("status"),
            status -> status.equals("COMPLETED") || status.equals("EXPIRED"));
  }
}
