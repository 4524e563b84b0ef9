package dev.lockbox.api.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The actuator: anyone may ask whether Lockbox is up (load balancers, compose health checks);
 * signed-in operators and auditors also see the components (temporal, db); metrics, the read model
 * check and everything else there are for operators. HTTP Basic (or a bearer token), no session,
 * like the REST API: no cookie signs a request in, so there is nothing for CSRF to protect, also on
 * the read model repair's POST.
 */
@Configuration(proxyBeanMethods = false)
class ActuatorSecurityConfiguration {

  @Bean
  @Order(0)
  SecurityFilterChain actuatorSecurity(
      HttpSecurity http, AttemptThrottles throttles, SignInModes modes) throws Exception {
    http.securityMatcher("/actuator/**")
        .authorizeHttpRequests(
            auth ->
                auth.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info")
                    .permitAll()
                    .anyRequest()
                    .hasRole("OPERATOR"));
    SecurityConfiguration.stateless(
        http, throttles, modes, "Sign in as an operator.", "Operators only.");
    return http.build();
  }
}
