package dev.lockbox.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.lockbox.local.LockboxHttp.Response;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Temporal unreachable (the Lockbox reaches the real dev server through a proxy the test cuts):
 * create, read and approve answer 503 problem JSON with Retry-After within the call deadline,
 * nothing is half-done, and a retry with the same Idempotency-Key makes one request.
 */
@Timeout(180)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TemporalDownIT {

  private static final Logger log = LoggerFactory.getLogger(TemporalDownIT.class);

  /** Only a guard against hanging: the answers are due within the 3 s call deadline. */
  private static final Duration NO_HANG = Duration.ofSeconds(30);

  private TcpProxy proxy;
  private RunningLockbox lockbox;

  @BeforeAll
  void start() {
    proxy = new TcpProxy(TestTemporal.shared().address());
    proxy.start();
    lockbox =
        new RunningLockbox(
            "--TEMPORAL_ADDRESS=" + proxy.address(), "--lockbox.temporal.call-deadline=PT3S");
  }

  @AfterAll
  void stop() {
    proxy.close();
    lockbox.close();
  }

  @Test
  void withTemporalDown_createReadAndApproveAnswer503WithRetryAfter_andARetryWithTheKeyMakesOne() {
    String pending =
        LockboxRequests.create(lockbox.http(), "engineer1", LockboxApiIT.DEMO, "PENDING");
    String key = "down-" + UUID.randomUUID();

    proxy.stop();
    assertUnavailable("create", () -> create(key));
    assertUnavailable("read", () -> lockbox.get("engineer1", "/api/lockbox-requests/" + pending));
    assertUnavailable(
        "approve",
        () ->
            lockbox.postJson(
                "contoso-owner", "/api/lockbox-requests/" + pending + "/approve", "{}"));
    proxy.start();

    // A client honours Retry-After: the connection to Temporal comes back after gRPC's reconnect
    // backoff, and until then the create keeps answering 503 with nothing started.
    Response first =
        await("Temporal reachable again")
            .atMost(Duration.ofSeconds(90))
            .pollInterval(Duration.ofSeconds(1))
            .until(() -> create(key), answer -> answer.status() != 503);
    Response again = create(key);
    assertThat(first.status()).as(first.body()).isEqualTo(201);
    assertThat(again.status()).as(again.body()).isEqualTo(200);
    assertThat(again.text("id")).isEqualTo(first.text("id"));
    Response stillPending = lockbox.get("engineer1", "/api/lockbox-requests/" + pending);
    assertThat(stillPending.text("status"))
        .as("the refused approve changed nothing")
        .isEqualTo("PENDING");
  }

  private void assertUnavailable(String what, Supplier<Response> call) {
    long started = System.nanoTime();
    Response answer = call.get();
    Duration took = Duration.ofNanos(System.nanoTime() - started);
    log.info(
        "{} with Temporal down answered {} after {} ms", what, answer.status(), took.toMillis());
    assertThat(answer.status()).as(what + ": " + answer.body()).isEqualTo(503);
    assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
    assertThat(answer.header("Retry-After")).isEqualTo("5");
    assertThat(took).as(what + " must not hang").isLessThan(NO_HANG);
  }

  private Response create(String key) {
    return lockbox.send(
        "engineer1",
        HttpRequest.newBuilder(URI.create(lockbox.baseUrl() + "/api/lockbox-requests"))
            .header("Content-Type", "application/json")
            .header("Idempotency-Key", key)
            .POST(HttpRequest.BodyPublishers.ofString(LockboxApiIT.DEMO)));
  }
}
