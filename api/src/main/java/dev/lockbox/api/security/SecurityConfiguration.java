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
import tools.jackson.databind.json.JsonMapper;

/**
 * The REST API authenticates every call with HTTP Basic and keeps no session, so a browser's
 * portal cookie never authenticates an API call. Its POSTs only take {@code application/json},
 * which a cross-site form cannot send; that, not a CSRF token, protects it from forged requests.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

  @Bean
  @Order(1)
  SecurityFilterChain apiSecurity(HttpSecurity http, JsonMapper json) throws Exception {
    ProblemWriter problems = new ProblemWriter(json);
    http.securityMatcher("/api/**")
        .authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
        .httpBasic(
            basic ->
                basic.authenticationEntryPoint(
                    (request, response, e) -> {
                      response.setHeader("WWW-Authenticate", "Basic realm=\"lockbox\"");
                      problems.write(response, HttpStatus.UNAUTHORIZED, "Sign in to use the Lockbox API.");
                    }))
        .exceptionHandling(
            ex ->
                ex.accessDeniedHandler(
                    (request, response, e) ->
                        problems.write(response, HttpStatus.FORBIDDEN, "You may not do this.")))
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(csrf -> csrf.disable());
    return http.build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain siteSecurity(HttpSecurity http) throws Exception {
    http.authorizeHttpRequests(
            auth ->
                auth.requestMatchers("/actuator/health/**", "/actuator/health", "/error")
                    .permitAll()
                    .anyRequest()
                    .authenticated())
        .httpBasic(basic -> {});
    return http.build();
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
