package dev.lockbox.local.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import dev.lockbox.activities.notify.DevOutbox;
import dev.lockbox.activities.notify.OutboxMessage;
import dev.lockbox.local.RunningLockbox;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.LoggerFactory;

/**
 * A full run with known secrets planted — the link signing key, a password guessed wrong, a bearer
 * token, the approver's link — and then every log line (INFO and up, every logger) and the
 * request's history as Temporal operators read it: none of the secrets is in them.
 */
@Timeout(120)
class SecretsInLogsIT {

  private static final List<Pattern> SECRET_SHAPES =
      List.of(
          Pattern.compile("eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}"),
          Pattern.compile("/portal/link/[A-Za-z0-9_.-]{8,}"),
          Pattern.compile("\\{(noop|bcrypt)\\}"),
          Pattern.compile("-----BEGIN [A-Z ]*PRIVATE KEY-----"));

  @Test
  void noSecretReachesALogLineOrAHistory() {
    String signingKey = "planted-signing-key-" + UUID.randomUUID();
    String wrongPassword = "planted-password-" + UUID.randomUUID();
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    ListAppender<ILoggingEvent> logged = new ListAppender<>();
    logged.start();
    Level before = root.getLevel();
    List<String> secrets = new ArrayList<>(List.of(signingKey, wrongPassword));
    String history;
    try (TestIssuer issuer = new TestIssuer();
        RunningLockbox lockbox = start(issuer, signingKey)) {
      root.setLevel(Level.INFO);
      root.addAppender(logged);
      String token = issuer.token("auditor", List.of("AUDITOR"), List.of());
      secrets.add(token);
      String id =
          lockbox.postJson("engineer1", "/api/lockbox-requests", DemoRequest.BODY).text("id");
      basic(lockbox, "contoso-owner", wrongPassword);
      String link = awaitLink(lockbox, id);
      secrets.add(link.substring(link.indexOf("/portal/link/") + "/portal/link/".length()));
      PortalSession owner = PortalSession.signIn(lockbox, "contoso-owner");
      String path = URI.create(link).getPath();
      assertThat(owner.get(path).statusCode()).isEqualTo(200);
      assertThat(owner.postFormFrom(path, path + "/approve", "comment=ok").statusCode())
          .isEqualTo(200);
      // The whole path up to the grant, which the portal's answer may precede on a busy machine.
      history =
          await("the grant in the history")
              .atMost(Duration.ofSeconds(60))
              .until(
                  () ->
                      withPayloadsDecoded(
                          bearer(lockbox, token, "/api/lockbox-requests/" + id + "/history")),
                  text -> text.contains("Grant access"));
    } finally {
      root.detachAppender(logged);
      root.setLevel(before);
    }

    String logs = String.join("\n", logged.list.stream().map(SecretsInLogsIT::line).toList());
    assertThat(logs).contains("Sign-in failed: account=contoso-owner");
    assertThat(history).contains("contoso-owner", "EMAIL_LINK", "Grant access");
    for (String text : List.of(logs, history)) {
      for (String secret : secrets) {
        assertThat(text).doesNotContain(secret);
      }
      for (Pattern shape : SECRET_SHAPES) {
        assertThat(shape.matcher(text).find()).as(shape.pattern()).isFalse();
      }
    }
  }

  private static RunningLockbox start(TestIssuer issuer, String signingKey) {
    List<String> args = new ArrayList<>(List.of(issuer.settings()));
    args.add("--lockbox.security.password-sign-in=true");
    args.add("--lockbox.links.signing-key=" + signingKey);
    return new RunningLockbox(args.toArray(String[]::new));
  }

  private static String awaitLink(RunningLockbox lockbox, String id) {
    DevOutbox outbox = lockbox.bean(DevOutbox.class);
    await().atMost(Duration.ofSeconds(20)).until(() -> find(outbox, id) != null);
    return find(outbox, id).links().get(0);
  }

  private static OutboxMessage find(DevOutbox outbox, String id) {
    return outbox.messages().stream()
        .filter(m -> m.requestId().equals(id) && m.to().equals("owner@contoso.example"))
        .findFirst()
        .orElse(null);
  }

  private static void basic(RunningLockbox lockbox, String user, String password) {
    String credentials =
        Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    lockbox.send(
        null,
        HttpRequest.newBuilder(URI.create(lockbox.baseUrl() + "/api/lockbox-requests"))
            .header("Authorization", "Basic " + credentials)
            .GET());
  }

  private static String bearer(RunningLockbox lockbox, String token, String path) {
    return lockbox
        .send(
            null,
            HttpRequest.newBuilder(URI.create(lockbox.baseUrl() + path))
                .header("Authorization", "Bearer " + token)
                .GET())
        .body();
  }

  /** The history as text with every payload's base64 {@code data} decoded beside it. */
  static String withPayloadsDecoded(String history) {
    StringBuilder text = new StringBuilder(history);
    java.util.regex.Matcher data =
        java.util.regex.Pattern.compile("\"data\"\\s*:\\s*\"([A-Za-z0-9+/=]+)\"").matcher(history);
    while (data.find()) {
      try {
        text.append('\n')
            .append(
                new String(
                    java.util.Base64.getDecoder().decode(data.group(1)),
                    java.nio.charset.StandardCharsets.UTF_8));
      } catch (IllegalArgumentException notBase64) {
        // left as it is
      }
    }
    return text.toString();
  }

  private static String line(ILoggingEvent event) {
    String thrown =
        event.getThrowableProxy() == null
            ? ""
            : ThrowableProxyUtil.asString(event.getThrowableProxy());
    return event.getLoggerName() + " " + event.getFormattedMessage() + " " + thrown;
  }
}
