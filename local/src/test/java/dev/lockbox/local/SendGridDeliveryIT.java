package dev.lockbox.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

/**
 * lockbox.jar configured with a SendGrid key and LOCKBOX_SENDGRID_BASE_URL pointing at a local
 * stand-in: the approver's email goes out through the real client, and a refused email shows in the
 * request's state without blocking it.
 */
@Timeout(120)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SendGridDeliveryIT {

  private final MockWebServer sendGrid = new MockWebServer();
  private RunningLockbox lockbox;

  @BeforeAll
  void start() throws Exception {
    sendGrid.start();
    lockbox = RunningLockbox.emailingThrough(sendGrid);
  }

  @AfterAll
  void stop() throws Exception {
    lockbox.close();
    sendGrid.shutdown();
  }

  @Test
  void givenAKey_theApprovalEmailGoesToSendGridThenARefusalIsRecordedAndTheRequestStaysPending()
      throws Exception {
    sendGrid.enqueue(new MockResponse().setResponseCode(202));
    String delivered = create();

    RecordedRequest mail = sendGrid.takeRequest(15, TimeUnit.SECONDS);
    assertThat(mail).isNotNull();
    JsonNode body = RunningLockbox.JSON.readTree(mail.getBody().readUtf8());
    assertThat(body.at("/personalizations/0/to/0/email").asString())
        .isEqualTo("owner@contoso.example");
    assertThat(body.at("/content/1/value").asString()).contains("/portal/link/");
    assertThat(body.at("/tracking_settings/click_tracking/enable").asBoolean(true)).isFalse();
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> notification(delivered).path("delivered").asBoolean());

    sendGrid.enqueue(new MockResponse().setResponseCode(400));
    String refused = create();

    await().atMost(Duration.ofSeconds(15)).until(() -> !notification(refused).isMissingNode());
    assertThat(notification(refused).path("delivered").asBoolean()).isFalse();
    assertThat(notification(refused).path("error").asString()).contains("HTTP 400");
    assertThat(lockbox.get("auditor", "/api/lockbox-requests/" + refused).text("status"))
        .isEqualTo("PENDING");
    assertThat(sendGrid.getRequestCount()).isEqualTo(2);
  }

  private String create() {
    return lockbox.postJson("engineer1", "/api/lockbox-requests", LockboxApiIT.DEMO).text("id");
  }

  private JsonNode notification(String id) {
    return lockbox
        .get("auditor", "/api/lockbox-requests/" + id)
        .json()
        .path("notifications")
        .path(0);
  }
}
