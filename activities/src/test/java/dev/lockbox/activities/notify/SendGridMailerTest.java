package dev.lockbox.activities.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lockbox.workflows.activities.NotificationActivities;
import io.temporal.failure.ApplicationFailure;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The real SendGrid client against a local stand-in for SendGrid's v3 HTTP API. */
class SendGridMailerTest {

  private static final Email EMAIL =
      new Email(
          "owner@contoso.example",
          "Lockbox: approve or deny RemoteDesktop on vm-web-01 (SR-1001)",
          "plain text body",
          "<p>html body</p>",
          List.of("http://portal/link/t"));

  private final MockWebServer sendGrid = new MockWebServer();
  private SendGridMailer mailer;

  @BeforeEach
  void start() throws Exception {
    sendGrid.start();
    String baseUrl = "http://127.0.0.1:" + sendGrid.getPort();
    mailer =
        new SendGridMailer(
            new SendGridSettings(
                "SG.test-key", baseUrl, "lockbox@lockbox.example", "Customer Lockbox"));
  }

  @AfterEach
  void stop() throws Exception {
    sendGrid.shutdown();
  }

  @Test
  void given202_theMailIsPostedWithRecipientSubjectBothBodiesAndClickTrackingOff()
      throws Exception {
    sendGrid.enqueue(new MockResponse().setResponseCode(202));

    mailer.send("req-1", "APPROVAL_REQUESTED", EMAIL);

    RecordedRequest request = sendGrid.takeRequest(5, TimeUnit.SECONDS);
    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(request.getPath()).isEqualTo("/v3/mail/send");
    assertThat(request.getHeader("Authorization")).isEqualTo("Bearer SG.test-key");
    JsonNode mail = new ObjectMapper().readTree(request.getBody().readUtf8());
    assertThat(mail.at("/personalizations/0/to/0/email").asText())
        .isEqualTo("owner@contoso.example");
    assertThat(mail.at("/personalizations/0/to")).hasSize(1);
    assertThat(mail.at("/from/email").asText()).isEqualTo("lockbox@lockbox.example");
    assertThat(mail.at("/subject").asText()).isEqualTo(EMAIL.subject());
    assertThat(mail.at("/content/0/type").asText()).isEqualTo("text/plain");
    assertThat(mail.at("/content/0/value").asText()).isEqualTo("plain text body");
    assertThat(mail.at("/content/1/type").asText()).isEqualTo("text/html");
    assertThat(mail.at("/content/1/value").asText()).isEqualTo("<p>html body</p>");
    assertThat(mail.at("/tracking_settings/click_tracking/enable").isBoolean()).isTrue();
    assertThat(mail.at("/tracking_settings/click_tracking/enable").asBoolean()).isFalse();
    assertThat(mail.at("/tracking_settings/click_tracking/enable_text").asBoolean()).isFalse();
    assertThat(mail.at("/custom_args/lockbox_request_id").asText()).isEqualTo("req-1");
  }

  @Test
  void given400_theFailureIsUndeliverableAndNotRetried() {
    sendGrid.enqueue(
        new MockResponse()
            .setResponseCode(400)
            .setBody("{\"errors\":[{\"message\":\"Does not contain a valid address.\"}]}"));

    assertThatThrownBy(() -> mailer.send("req-1", "APPROVAL_REQUESTED", EMAIL))
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            f -> {
              assertThat(f.getType()).isEqualTo(NotificationActivities.UNDELIVERABLE);
              assertThat(f.isNonRetryable()).isTrue();
              assertThat(f.getOriginalMessage()).contains("HTTP 400");
            });
  }

  @ParameterizedTest
  @ValueSource(ints = {429, 500, 503})
  void givenRateLimitOrServerError_theFailureIsRetryable(int status) {
    sendGrid.enqueue(new MockResponse().setResponseCode(status));

    assertThatThrownBy(() -> mailer.send("req-1", "APPROVAL_REQUESTED", EMAIL))
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            f -> {
              assertThat(f.getType()).isEqualTo(SendGridMailer.SENDGRID_UNAVAILABLE);
              assertThat(f.isNonRetryable()).isFalse();
              assertThat(f.getOriginalMessage()).contains("HTTP " + status);
            });
  }

  @Test
  void givenSendGridUnreachable_theFailureIsRetryable() throws Exception {
    sendGrid.shutdown();

    assertThatThrownBy(() -> mailer.send("req-1", "APPROVAL_REQUESTED", EMAIL))
        .isInstanceOfSatisfying(
            ApplicationFailure.class, f -> assertThat(f.isNonRetryable()).isFalse());
  }
}
