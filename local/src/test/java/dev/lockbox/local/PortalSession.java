package dev.lockbox.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser's part in the portal over real HTTP, without a browser: signs in with the form (session
 * cookie), opens pages and sends their POST forms with the CSRF token the page carries.
 */
final class PortalSession {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

  private final HttpClient http =
      HttpClient.newBuilder()
          .cookieHandler(new CookieManager())
          .followRedirects(HttpClient.Redirect.NORMAL)
          .build();
  private final String base;

  private PortalSession(String base) {
    this.base = base;
  }

  /** Signed in as a demo user (password = user name). */
  static PortalSession signIn(String base, String user) {
    PortalSession session = new PortalSession(base);
    String token = session.csrfOf(session.get("/login").body());
    HttpResponse<String> signedIn =
        session.post("/login", Map.of("username", user, "password", user, "_csrf", token));
    if (signedIn.uri().getPath().startsWith("/login")) {
      throw new IllegalStateException("sign-in as " + user + " failed");
    }
    return session;
  }

  HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
  }

  /** Opens the page and sends its form to {@code action} (e.g. the page's path + "/approve"). */
  HttpResponse<String> submit(String page, String action) {
    String token = csrfOf(get(page).body());
    return post(action, Map.of("_csrf", token));
  }

  private HttpResponse<String> post(String path, Map<String, String> form) {
    String body =
        form.entrySet().stream()
            .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    return send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private String csrfOf(String html) {
    Matcher m = CSRF.matcher(html);
    if (!m.find()) {
      throw new IllegalStateException("no CSRF token on the page");
    }
    return m.group(1);
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
