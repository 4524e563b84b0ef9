package dev.lockbox.local.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lockbox.local.RunningLockbox;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * The portal's OIDC sign-in, over real HTTP against a local stand-in provider ({@link TestLogin}):
 * authorization code with PKCE (S256), the ID token's claims mapped to roles and tenants like a
 * bearer token's, and a sign-in without a valid verifier failing.
 */
@Timeout(120)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OidcPortalSignInIT {

  private TestIssuer issuer;
  private RunningLockbox lockbox;

  @BeforeAll
  void start() {
    issuer = new TestIssuer();
    int port = freePort();
    // The provider sends the browser back to the public address: it must be this Lockbox's.
    Stream<String> address =
        Stream.of("--server.port=" + port, "--lockbox.public-base-url=http://localhost:" + port);
    lockbox =
        new RunningLockbox(
            Stream.of(Stream.of(issuer.settings()), Stream.of(issuer.login().settings()), address)
                .flatMap(s -> s)
                .toArray(String[]::new));
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @AfterAll
  void stop() {
    lockbox.close();
    issuer.close();
  }

  @Test
  void anApproverSignsInWithPkce_andThePortalKnowsTheirTenantFromTheIdToken() throws Exception {
    issuer.login().signInNext("idp-approver", List.of("customer-approver"), List.of("contoso"));
    Browser browser = new Browser();

    HttpResponse<String> login = browser.get(lockbox.baseUrl() + "/login");
    assertThat(login.body())
        .contains("/oauth2/authorization/test-idp")
        .doesNotContain("name=\"password\"");
    HttpResponse<String> portal = browser.signIn();

    assertThat(issuer.login().lastAuthorization)
        .containsEntry("code_challenge_method", "S256")
        .containsEntry("client_id", TestLogin.CLIENT_ID)
        .containsKey("code_challenge");
    assertThat(portal.statusCode()).isEqualTo(200);
    assertThat(portal.body()).contains("idp-approver");
  }

  @Test
  void aStolenCodeWithoutTheVerifierSignsNobodyIn() throws Exception {
    issuer.login().signInNext("idp-approver", List.of("customer-approver"), List.of("contoso"));
    Browser victim = new Browser();
    String authorize =
        victim.location(victim.get(lockbox.baseUrl() + "/oauth2/authorization/test-idp"));
    String callback = victim.location(victim.get(authorize));

    // The attacker replays the callback in a session of their own: its state and verifier differ.
    Browser attacker = new Browser();
    attacker.get(lockbox.baseUrl() + "/oauth2/authorization/test-idp");
    HttpResponse<String> refused = attacker.get(callback);

    assertThat(refused.statusCode()).isEqualTo(302);
    assertThat(attacker.location(refused)).contains("/login?oidcError");
    assertThat(attacker.get(lockbox.baseUrl() + "/portal").statusCode()).isEqualTo(302);
  }

  /** A browser that follows no redirect by itself, so each hop of the sign-in is visible. */
  private final class Browser {
    private final HttpClient http =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    HttpResponse<String> get(String url) throws IOException, InterruptedException {
      return http.send(
          HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html").GET().build(),
          HttpResponse.BodyHandlers.ofString());
    }

    String location(HttpResponse<String> response) {
      assertThat(response.statusCode()).as(response.uri() + " redirects").isEqualTo(302);
      return response
          .uri()
          .resolve(response.headers().firstValue("Location").orElseThrow())
          .toString();
    }

    /** Portal link → provider → callback → portal, as a browser follows them. */
    HttpResponse<String> signIn() throws IOException, InterruptedException {
      String authorize = location(get(lockbox.baseUrl() + "/oauth2/authorization/test-idp"));
      String callback = location(get(authorize));
      String landing = location(get(callback));
      assertThat(landing).as("after sign-in").doesNotContain("error");
      return get(lockbox.baseUrl() + "/portal");
    }
  }
}
