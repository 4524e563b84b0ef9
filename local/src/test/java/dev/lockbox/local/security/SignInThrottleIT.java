package dev.lockbox.local.security;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.lockbox.local.LockboxHttp;
import dev.lockbox.local.RunningLockbox;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.slf4j.LoggerFactory;

/**
 * Guessing passwords over real HTTP: an account is locked after repeated failures (429 with
 * Retry-After, the right password included), a client address after repeated failures on any
 * accounts; each failure and lock is logged naming the account, never the password.
 */
@Timeout(120)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SignInThrottleIT {

  private static final String WRONG = "Wr0ng-pa55word-guess";

  private RunningLockbox lockbox;
  private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

  @BeforeAll
  void start() {
    lockbox = new RunningLockbox();
    logged.start();
    ((Logger) LoggerFactory.getLogger("dev.lockbox.security")).addAppender(logged);
  }

  @AfterAll
  void stop() {
    ((Logger) LoggerFactory.getLogger("dev.lockbox.security")).detachAppender(logged);
    lockbox.close();
  }

  @Test
  void thirtyWrongPasswordsInARowGet429_andThenTheRightOneToo() {
    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      statuses.add(basic("contoso-owner", WRONG, "/api/lockbox-requests").status());
    }
    LockboxHttp.Response right = basic("contoso-owner", "contoso-owner", "/api/lockbox-requests");

    assertThat(statuses.subList(0, 9)).containsOnly(401);
    assertThat(statuses.subList(10, 30)).containsOnly(429);
    assertThat(right.status()).isEqualTo(429);
    assertThat(right.header("Retry-After")).matches("\\d+");
    assertThat(Integer.parseInt(right.header("Retry-After"))).isBetween(1, 300);
    assertThat(right.header("Content-Type")).startsWith("application/problem+json");
    assertThat(basic("auditor", "auditor", "/api/lockbox-requests").status()).isEqualTo(200);
    assertThat(messages())
        .anyMatch(m -> m.contains("Sign-in failed: account=contoso-owner client="))
        .anyMatch(m -> m.contains("Sign-in locked for account=contoso-owner"))
        .noneMatch(m -> m.contains(WRONG));
  }

  @Test
  void signingInChangesTheSessionId_sessionFixationProtection() {
    PortalSession session = PortalSession.signIn(lockbox, "auditor");

    assertThat(session.idBeforeSignIn()).isNotNull();
    assertThat(session.idAfterSignIn()).isNotEqualTo(session.idBeforeSignIn());
    assertThat(session.get("/portal").statusCode()).isEqualTo(200);
  }

  @Test
  void theSignInFormIsThrottledToo() {
    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      statuses.add(form("fabrikam-owner", WRONG).statusCode());
    }

    assertThat(statuses.subList(0, 9)).containsOnly(302);
    assertThat(statuses.get(11)).isEqualTo(429);
    assertThat(messages())
        .anyMatch(m -> m.contains("account=fabrikam-owner"))
        .noneMatch(m -> m.contains(WRONG));
  }

  @Test
  void oneClientGuessingAcrossManyAccountsIsLockedAsAClient() {
    try (RunningLockbox strict =
        new RunningLockbox("--lockbox.security.attempts.max-failures-per-client=5")) {
      for (int i = 0; i < 5; i++) {
        basic(strict, "nobody-" + i, WRONG, "/api/lockbox-requests");
      }
      LockboxHttp.Response valid = basic(strict, "auditor", "auditor", "/api/lockbox-requests");

      assertThat(valid.status()).isEqualTo(429);
      assertThat(messages()).anyMatch(m -> m.contains("Sign-in locked for client="));
    }
  }

  private java.net.http.HttpResponse<String> form(String user, String password) {
    return PortalSession.anonymous(lockbox).attempt(user, password);
  }

  private LockboxHttp.Response basic(String user, String password, String path) {
    return basic(lockbox, user, password, path);
  }

  private static LockboxHttp.Response basic(
      RunningLockbox target, String user, String password, String path) {
    String token =
        Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    return target.send(
        null,
        HttpRequest.newBuilder(URI.create(target.baseUrl() + path))
            .header("Authorization", "Basic " + token)
            .GET());
  }

  private List<String> messages() {
    return logged.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
  }
}
