package dev.lockbox.local.security;

import dev.lockbox.local.RunningLockbox;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A browser-like session over real HTTP: signs in through the portal's form, keeps the cookie. */
final class PortalSession {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  private final String base;
  private final CookieManager cookies = new CookieManager();
  private final HttpClient http;
  private String before;
  private String after;

  private PortalSession(String base) {
    this.base = base;
    this.http = HttpClient.newBuilder().cookieHandler(cookies).build();
  }

  static PortalSession signIn(RunningLockbox lockbox, String user) {
    PortalSession session = new PortalSession(lockbox.baseUrl());
    HttpResponse<String> signedIn = session.attempt(user, user);
    if (signedIn.statusCode() != 302
        || signedIn.headers().firstValue("Location").orElse("").contains("error")) {
      throw new IllegalStateException("sign-in of " + user + " failed: " + signedIn.statusCode());
    }
    session.after = session.sessionId();
    return session;
  }

  static PortalSession anonymous(RunningLockbox lockbox) {
    return new PortalSession(lockbox.baseUrl());
  }

  /** One sign-in through the form, as a browser sends it (login page first, for the CSRF token). */
  HttpResponse<String> attempt(String user, String password) {
    HttpResponse<String> login = get("/login");
    before = sessionId();
    String form =
        "username="
            + URLEncoder.encode(user, StandardCharsets.UTF_8)
            + "&password="
            + URLEncoder.encode(password, StandardCharsets.UTF_8);
    return postForm("/login", form, csrf(login.body()));
  }

  String idBeforeSignIn() {
    return before;
  }

  String idAfterSignIn() {
    return after;
  }

  HttpResponse<String> get(String path) {
    return send(
        HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html").GET());
  }

  /** Posts a form with the CSRF token of the page at {@code pagePath}. */
  HttpResponse<String> postFormFrom(String pagePath, String action, String form) {
    return postForm(action, form, csrf(get(pagePath).body()));
  }

  HttpResponse<String> postForm(String path, String form, String csrf) {
    String body =
        form + (csrf == null ? "" : "&_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8));
    return send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "text/html")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private String sessionId() {
    return cookies.getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals("JSESSIONID"))
        .map(HttpCookie::getValue)
        .findFirst()
        .orElse(null);
  }

  static String csrf(String page) {
    Matcher token = CSRF.matcher(page);
    return token.find() ? token.group(1) : null;
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
