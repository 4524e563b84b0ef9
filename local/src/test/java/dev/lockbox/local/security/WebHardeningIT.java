package dev.lockbox.local.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lockbox.local.RunningLockbox;
import dev.lockbox.local.security.RawHttp.Reply;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * Over real HTTP, as an attacker would: forged Host headers, what the firewall and Tomcat refuse,
 * unknown paths, wrong methods, CSRF refusals and sign-in challenges all answer as problem JSON for
 * API clients and HTML for browsers; the session cookie's flags and fixation protection.
 */
@Timeout(120)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebHardeningIT {

  static final String BROWSER =
      "Accept: text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
  static final String JSON = "Accept: application/json";
  static final String PUBLIC = "https://lockbox.example.com";

  private RunningLockbox lockbox;

  @BeforeAll
  void start() {
    lockbox = new RunningLockbox("--lockbox.public-base-url=" + PUBLIC);
  }

  @AfterAll
  void stop() {
    lockbox.close();
  }

  @Test
  void aForgedHostNeverReachesALocationHeader_redirectsUseThePublicBaseUrl() {
    for (String path : List.of("/portal", "/portal/requests", "/dev/outbox", "/")) {
      Reply reply = RawHttp.get(lockbox.baseUrl(), path, "Host: evil.example", BROWSER);
      String location = reply.header("Location");
      assertThat(reply.status()).as(path).isEqualTo(302);
      assertThat(location).as(path).doesNotContain("evil.example");
      if (location.startsWith("http")) {
        assertThat(location).as(path).startsWith(PUBLIC + "/");
      }
    }
  }

  @Test
  void theSessionCookieIsHttpOnlySameSiteLaxAndSecureBehindAnHttpsAddress() {
    Reply login = RawHttp.get(lockbox.baseUrl(), "/login", BROWSER);
    String cookie = login.header("Set-Cookie");

    assertThat(cookie).startsWith("JSESSIONID=").contains("HttpOnly", "SameSite=Lax", "Secure");
  }

  @Test
  void unknownPathsAndWrongMethodsAnswerProblemJsonOrHtml() {
    expectBoth("GET /api/no-such-thing HTTP/1.1", 404, "basic");
    expectBoth("DELETE /api/lockbox-requests HTTP/1.1", 405, "basic");
  }

  @Test
  void whatTheFirewallRejectsAnswersProblemJsonOrHtml() {
    expectBoth("GET /portal;jsessionid=x HTTP/1.1", 400, null);
    expectBoth("GET /api/lockbox-requests/%2e%2e/x HTTP/1.1", 400, null);
  }

  @Test
  void whatTomcatRejectsItselfAnswersProblemJsonOrHtml() {
    expectBoth("GET /api/lockbox-requests/%zz HTTP/1.1", 400, null);
    String huge = "X-Filler: " + "a".repeat(20_000);
    for (String accept : List.of(JSON, BROWSER)) {
      Reply reply = send("GET /api/lockbox-requests HTTP/1.1", accept, huge);
      assertThat(reply.status()).isEqualTo(400);
      assertForm(reply, accept);
    }
  }

  @Test
  void signInChallengesAndCsrfRefusalsAnswerProblemJsonOrHtml() {
    expectBoth("GET /api/lockbox-requests HTTP/1.1", 401, null);
    for (String accept : List.of(JSON, BROWSER)) {
      Reply csrf =
          RawHttp.send(
              lockbox.baseUrl(),
              "POST /portal/requests/x/approve HTTP/1.1",
              List.of("Host: localhost", accept, "Content-Type: application/x-www-form-urlencoded"),
              "comment=hi");
      assertThat(csrf.status()).isEqualTo(403);
      assertForm(csrf, accept);
    }
    Reply portal = RawHttp.get(lockbox.baseUrl(), "/portal", JSON);
    assertThat(portal.status()).isEqualTo(401);
    assertForm(portal, JSON);
  }

  private void expectBoth(String requestLine, int status, String user) {
    for (String accept : List.of(JSON, BROWSER)) {
      Reply reply =
          user == null
              ? send(requestLine, accept)
              : send(requestLine, accept, "Authorization: Basic ZW5naW5lZXIxOmVuZ2luZWVyMQ==");
      assertThat(reply.status()).as(requestLine + " " + accept).isEqualTo(status);
      assertForm(reply, accept);
    }
  }

  private Reply send(String requestLine, String... headers) {
    List<String> all = new java.util.ArrayList<>(List.of(headers));
    all.add("Host: localhost");
    return RawHttp.send(lockbox.baseUrl(), requestLine, all, null);
  }

  static void assertForm(Reply reply, String accept) {
    String type = reply.header("Content-Type");
    if (accept.equals(JSON)) {
      assertThat(type).startsWith("application/problem+json");
      assertThat(reply.body()).contains("\"status\":" + reply.status());
    } else {
      assertThat(type).startsWith("text/html");
      assertThat(reply.body()).contains("<h1 id=\"problem-title\">", "HTTP " + reply.status());
    }
    assertThat(reply.body()).doesNotContain("Exception", "Apache Tomcat", "at org.", "trace");
  }
}
