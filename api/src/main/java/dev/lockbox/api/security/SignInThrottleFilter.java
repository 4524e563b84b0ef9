package dev.lockbox.api.security;

import dev.lockbox.api.problems.ProblemResponses;
import dev.lockbox.api.problems.TooManyAttemptsException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Throttles sign-in attempts (HTTP Basic, the sign-in form, bearer tokens) per client address and
 * per account, before any credential is checked: a locked client or account gets 429 with {@code
 * Retry-After}, even with the right password. An attempt that leaves the request unauthenticated
 * counts as a failure; one that signs in ends the account's run of failures.
 */
final class SignInThrottleFilter extends OncePerRequestFilter {

  private final AttemptThrottle throttle;
  private final boolean headers;

  /**
   * @param headers whether this chain signs in by header (Basic, bearer: the API) rather than by
   *     the sign-in form (the portal)
   */
  SignInThrottleFilter(AttemptThrottle throttle, boolean headers) {
    this.throttle = throttle;
    this.headers = headers;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Attempt attempt = headers ? Attempt.byHeader(request) : Attempt.byForm(request);
    if (attempt == null) {
      chain.doFilter(request, response);
      return;
    }
    String client = request.getRemoteAddr();
    Optional<Duration> locked = throttle.lockedFor(client, attempt.account());
    if (locked.isPresent()) {
      refuse(request, response, locked.get());
      return;
    }
    try {
      chain.doFilter(request, response);
    } finally {
      if (signedIn()) {
        throttle.succeeded(attempt.account());
      } else {
        throttle.failed(client, attempt.account());
      }
    }
  }

  private static void refuse(
      HttpServletRequest request, HttpServletResponse response, Duration wait) throws IOException {
    response.setHeader(HttpHeaders.RETRY_AFTER, TooManyAttemptsException.seconds(wait));
    ProblemResponses.write(
        request,
        response,
        ProblemResponses.problem(
            HttpStatus.TOO_MANY_REQUESTS,
            "Too many failed sign-ins",
            "Sign-in is locked for a while after repeated failures; try again later."));
  }

  private static boolean signedIn() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    return auth != null
        && auth.isAuthenticated()
        && !(auth instanceof AnonymousAuthenticationToken);
  }

  /** A sign-in attempt and the account it names (null when a bearer token names none we trust). */
  record Attempt(String account) {

    static Attempt byHeader(HttpServletRequest request) {
      String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
      if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
        return new Attempt(basicUser(authorization.substring(6).trim()));
      }
      if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
        return new Attempt(null);
      }
      return null;
    }

    static Attempt byForm(HttpServletRequest request) {
      boolean signIn =
          "POST".equals(request.getMethod()) && "/login".equals(request.getServletPath());
      return signIn ? new Attempt(request.getParameter("username")) : null;
    }

    private static String basicUser(String encoded) {
      try {
        String decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        int colon = decoded.indexOf(':');
        return colon < 0 ? decoded : decoded.substring(0, colon);
      } catch (IllegalArgumentException notBase64) {
        return null;
      }
    }
  }
}
