package dev.lockbox.local.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lockbox.activities.access.WebhookSignature;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WebhookReceiverTest {

  private static final String SECRET = "receiver-test";
  private static final String GRANT =
      "{\"type\":\"grant\",\"requestId\":\"r1\",\"principal\":\"engineer1\","
          + "\"resourceId\":\"vm-1\",\"accessLevel\":\"RemoteDesktop\","
          + "\"expiresAt\":\"2099-01-01T00:00:00Z\"}";
  private static final String REVOKE = "{\"type\":\"revoke\",\"requestId\":\"r1\"}";

  private final WebhookReceiver receiver = WebhookReceiver.start(0, SECRET, null);
  private final HttpClient http = HttpClient.newHttpClient();

  @AfterEach
  void stop() {
    receiver.close();
  }

  @Test
  void aRepeatedGrantAndRevokeAreAppliedOnce_andARevokeOfWhatIsGoneSays410Or404() throws Exception {
    assertThat(post(GRANT, Instant.now())).isEqualTo(200);
    assertThat(post(GRANT, Instant.now())).isEqualTo(200);
    assertThat(receiver.live("r1")).isTrue();

    assertThat(post(REVOKE, Instant.now())).isEqualTo(200);
    assertThat(post(REVOKE, Instant.now())).isEqualTo(410);
    assertThat(post(REVOKE.replace("r1", "r9"), Instant.now())).isEqualTo(404);

    assertThat(receiver.effects("grant", "r1")).isEqualTo(1);
    assertThat(receiver.effects("revoke", "r1")).isEqualTo(1);
    assertThat(receiver.live("r1")).isFalse();
    assertThat(receiver.deliveries()).isEqualTo(5);
  }

  @Test
  void anExtensionMovesALiveGrantsEndOnce_andNeverReopensARevokedOne() throws Exception {
    String extend =
        "{\"type\":\"extend\",\"requestId\":\"r1\",\"extensionId\":\"e1\","
            + "\"expiresAt\":\"2099-01-01T02:00:00Z\"}";
    assertThat(post(extend, Instant.now())).as("never granted").isEqualTo(404);
    post(GRANT, Instant.now());

    assertThat(post(extend, Instant.now())).isEqualTo(200);
    assertThat(post(extend, Instant.now())).isEqualTo(200);

    assertThat(receiver.effects("extend", "r1")).isEqualTo(1);
    post(REVOKE, Instant.now());
    assertThat(post(extend.replace("e1", "e2"), Instant.now())).isEqualTo(410);
    assertThat(receiver.live("r1")).isFalse();
  }

  @Test
  void aGrantArrivingAfterItsRevokeOpensNothing() throws Exception {
    assertThat(post(REVOKE, Instant.now())).isEqualTo(404);

    assertThat(post(GRANT, Instant.now())).isEqualTo(200);

    assertThat(receiver.live("r1")).isFalse();
    assertThat(receiver.effects()).isEmpty();
  }

  @Test
  void anUnsignedTamperedOrReplayedEventIsRefusedAndChangesNothing() throws Exception {
    Instant now = Instant.now();
    String signature = WebhookSignature.sign(SECRET, now, GRANT);

    assertThat(send(GRANT, null)).isEqualTo(401);
    assertThat(send(GRANT.replace("engineer1", "mallory"), signature)).isEqualTo(401);
    assertThat(post(GRANT, now.minusSeconds(301))).isEqualTo(401);

    assertThat(receiver.effects()).isEmpty();
    assertThat(receiver.deliveries()).isZero();
  }

  private int post(String body, Instant signedAt) throws Exception {
    return send(body, WebhookSignature.sign(SECRET, signedAt, body));
  }

  private int send(String body, String signature) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + receiver.port() + "/"))
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (signature != null) {
      request.header(WebhookSignature.HEADER, signature);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }
}
