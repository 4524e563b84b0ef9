package dev.lockbox.api.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import tools.jackson.databind.json.JsonMapper;

/**
 * The REST API authenticates every call with HTTP Basic and keeps no session, so a browser's portal
 * cookie never authenticates an API call. Its POSTs only take {@code application/json}, which a
 * cross-site form cannot send; that, not a CSRF token, protects it from forged requests. The portal
 * is the opposite: a browser session, so every POST carries a CSRF token.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

  @Bean
  @Order(1)
  SecurityFilterChain apiSecurity(HttpSecurity http, JsonMapper json) throws Exception {
    http.securityMatcher("/api/**")
        .authorizeHttpRequests(auth -> auth.anyRequest().authenticated());
    statelessBasic(
        http, new ProblemWriter(json), "Sign in to use the Lockbox API.", "You may not do this.");
    return http.build();
  }

  /**
   * The approver portal and everything else outside the API: form sign-in with a session, CSRF
   * tokens on every POST, sign-out. No page runs or loads a script, and none may be framed.
   */
  @Bean
  @Order(2)
  SecurityFilterChain portalSecurity(HttpSecurity http) throws Exception {
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
        .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/portal"))
        .logout(logout -> logout.logoutSuccessUrl("/login?signedOut"))
        .headers(
            headers ->
                headers
                    .contentSecurityPolicy(csp -> csp.policyDirectives(PORTAL_CSP))
                    .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)));
    return http.build();
  }

  /** Own styles only, no scripts at all, forms only to us, never inside a frame. */
  static final String PORTAL_CSP =
      "default-src 'self'; script-src 'none'; style-src 'self'; img-src 'self' data:; object-src 'none';"
          + " base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

  /**
   * HTTP Basic on every call, no session, problem responses for 401 and 403. No cookie is ever
   * honoured, so CSRF has nothing to protect (POSTs take JSON only, which forms cannot send).
   */
  static void statelessBasic(
      HttpSecurity http, ProblemWriter problems, String signIn, String forbidden) throws Exception {
    http.httpBasic(
            basic ->
                basic.authenticationEntryPoint(
                    (request, response, e) -> {
                      response.setHeader("WWW-Authenticate", "Basic realm=\"lockbox\"");
                      problems.write(response, HttpStatus.UNAUTHORIZED, signIn);
                    }))
        .exceptionHandling(
            ex ->
                ex.accessDeniedHandler(
                    (request, response, e) ->
                        problems.write(response, HttpStatus.FORBIDDEN, forbidden)))
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(csrf -> csrf.disable());
  }

  /** Writes RFC 9457 problem responses from the security filters, before MVC is reached. */
  record ProblemWriter(JsonMapper json) {
    void write(jakarta.servlet.http.HttpServletResponse response, HttpStatus status, String detail)
        throws java.io.IOException {
      ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
      response.setStatus(status.value());
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      json.writeValue(response.getOutputStream(), problem);
    }
  }
}
