package dev.lockbox.api.security;

import dev.lockbox.api.problems.ClientPreference;
import dev.lockbox.api.problems.ProblemResponses;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The REST API authenticates every call with HTTP Basic (or a bearer token, see {@link
 * OidcConfiguration}) and keeps no session, so a browser's portal cookie never authenticates an API
 * call. Its POSTs only take {@code application/json}, which a cross-site form cannot send; that,
 * not a CSRF token, protects it from forged requests. The portal is the opposite: a browser
 * session, so every POST carries a CSRF token. Every refusal on the way (sign-in, permission, CSRF,
 * the HTTP firewall, throttling) answers as problem JSON or, for browsers, an HTML page.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

  @Bean
  @Order(1)
  SecurityFilterChain apiSecurity(HttpSecurity http, AttemptThrottles throttles, SignInModes modes)
      throws Exception {
    http.securityMatcher("/api/**")
        .authorizeHttpRequests(auth -> auth.anyRequest().authenticated());
    stateless(http, throttles, modes, "Sign in to use the Lockbox API.", "You may not do this.");
    return http.build();
  }

  /**
   * The approver portal and everything else outside the API: form sign-in (or OIDC) with a session,
   * CSRF tokens on every POST, sign-out. No page runs or loads a script, and none may be framed.
   * Session fixation protection stays on: signing in changes the session id.
   */
  @Bean
  @Order(2)
  SecurityFilterChain portalSecurity(
      HttpSecurity http, AttemptThrottles throttles, SignInModes modes) throws Exception {
    http.authorizeHttpRequests(
            auth ->
                auth.requestMatchers(
                        "/login",
                        "/css/**",
                        "/favicon.ico",
                        "/error",
                        "/actuator/health",
                        "/actuator/health/**")
                    .permitAll()
                    .anyRequest()
                    .authenticated())
        .exceptionHandling(
            ex ->
                ex.authenticationEntryPoint(portalEntryPoint())
                    .accessDeniedHandler(
                        (request, response, e) ->
                            problem(
                                request,
                                response,
                                HttpStatus.FORBIDDEN,
                                e instanceof CsrfException
                                    ? "This form has expired or was not sent by this portal: reload"
                                        + " the page and try again."
                                    : "You may not do this.")))
        .sessionManagement(s -> s.sessionFixation(fixation -> fixation.changeSessionId()))
        .logout(logout -> logout.logoutSuccessUrl("/login?signedOut"))
        .headers(
            headers ->
                headers
                    .contentSecurityPolicy(csp -> csp.policyDirectives(PORTAL_CSP))
                    .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)));
    if (modes.passwords()) {
      http.formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/portal"))
          .addFilterBefore(
              new SignInThrottleFilter(throttles.signIn(), false),
              UsernamePasswordAuthenticationFilter.class);
    }
    modes.portal(http);
    return http.build();
  }

  /** What the HTTP firewall refuses (encoded slashes, {@code ..}, control characters): a 400. */
  @Bean
  RequestRejectedHandler requestRejectedHandler() {
    return (request, response, e) ->
        problem(
            request,
            response,
            HttpStatus.BAD_REQUEST,
            "The request's address or headers hold characters Lockbox does not accept.");
  }

  /** Own styles only, no scripts at all, forms only to us, never inside a frame. */
  static final String PORTAL_CSP =
      "default-src 'self'; script-src 'none'; style-src 'self'; img-src 'self' data:; object-src 'none';"
          + " base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

  /**
   * Every call authenticated by a header (HTTP Basic and, with OIDC, a bearer token), no session,
   * problem responses for 401 and 403, sign-in throttled. No cookie is ever honoured, so CSRF has
   * nothing to protect (POSTs take JSON only, which forms cannot send).
   */
  static void stateless(
      HttpSecurity http,
      AttemptThrottles throttles,
      SignInModes modes,
      String signIn,
      String forbidden)
      throws Exception {
    AuthenticationEntryPoint entryPoint =
        (request, response, e) -> {
          response.setHeader("WWW-Authenticate", modes.challenge());
          problem(request, response, HttpStatus.UNAUTHORIZED, signIn);
        };
    if (modes.passwords()) {
      http.httpBasic(basic -> basic.authenticationEntryPoint(entryPoint));
    }
    modes.api(http, entryPoint);
    http.exceptionHandling(
            ex ->
                ex.authenticationEntryPoint(entryPoint)
                    .accessDeniedHandler(
                        (request, response, e) ->
                            problem(request, response, HttpStatus.FORBIDDEN, forbidden)))
        .addFilterBefore(
            new SignInThrottleFilter(throttles.signIn(), true),
            UsernamePasswordAuthenticationFilter.class)
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(csrf -> csrf.disable());
  }

  /** Browsers go to the sign-in page; API clients that stray here get a 401 problem. */
  private static AuthenticationEntryPoint portalEntryPoint() {
    LoginUrlAuthenticationEntryPoint login = new LoginUrlAuthenticationEntryPoint("/login");
    return (HttpServletRequest request,
        HttpServletResponse response,
        AuthenticationException e) -> {
      if (ClientPreference.prefersHtml(request) || !hasAccept(request)) {
        login.commence(request, response, e);
      } else {
        problem(request, response, HttpStatus.UNAUTHORIZED, "Sign in to use the Lockbox portal.");
      }
    };
  }

  /** A request without Accept (a plain link follower) is treated as a browser by the portal. */
  private static boolean hasAccept(HttpServletRequest request) {
    String accept = request.getHeader("Accept");
    return accept != null && !accept.isBlank() && !accept.equals("*/*");
  }

  static void problem(
      HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
      throws IOException {
    String title =
        switch (status) {
          case UNAUTHORIZED -> "Sign-in required";
          case FORBIDDEN -> "Not allowed";
          default -> status.getReasonPhrase();
        };
    ProblemResponses.write(request, response, ProblemResponses.problem(status, title, detail));
  }
}
