package dev.lockbox.activities.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

  private static final Instant NOW = Instant.parse("2026-12-02T13:00:00Z");
  private static final String SECRET = "whsec-test";
  private static final String BODY = "{\"type\":\"grant\",\"requestId\":\"r1\"}";

  @Test
  void aSignedBodyVerifiesWithTheSameSecret() {
    String header = WebhookSignature.sign(SECRET, NOW, BODY);

    assertThat(header).matches("t=\\d+,v1=[0-9a-f]{64}");
    assertThat(WebhookSignature.verify(header, BODY, SECRET, NOW.plusSeconds(3))).isTrue();
  }

  @Test
  void aTamperedBodyIsRejected() {
    String header = WebhookSignature.sign(SECRET, NOW, BODY);

    assertThat(WebhookSignature.verify(header, BODY.replace("r1", "r2"), SECRET, NOW)).isFalse();
  }

  @Test
  void anotherSecretIsRejected() {
    String header = WebhookSignature.sign("other", NOW, BODY);

    assertThat(WebhookSignature.verify(header, BODY, SECRET, NOW)).isFalse();
  }

  @Test
  void anEventOlderThanFiveMinutesIsRejectedAsAReplay() {
    String header = WebhookSignature.sign(SECRET, NOW, BODY);

    assertThat(WebhookSignature.verify(header, BODY, SECRET, NOW.plusSeconds(300))).isTrue();
    assertThat(WebhookSignature.verify(header, BODY, SECRET, NOW.plusSeconds(301))).isFalse();
  }

  @Test
  void aReSignedTimestampWithTheOldSignatureIsRejected() {
    String header = WebhookSignature.sign(SECRET, NOW, BODY);
    String moved = header.replace("t=" + NOW.getEpochSecond(), "t=" + (NOW.getEpochSecond() + 600));

    assertThat(WebhookSignature.verify(moved, BODY, SECRET, NOW.plusSeconds(600))).isFalse();
  }

  @Test
  void aMissingOrMalformedHeaderIsRejected() {
    assertThat(WebhookSignature.verify(null, BODY, SECRET, NOW)).isFalse();
    assertThat(WebhookSignature.verify("v1=abc", BODY, SECRET, NOW)).isFalse();
    assertThat(WebhookSignature.verify("t=soon,v1=abc", BODY, SECRET, NOW)).isFalse();
  }
}
