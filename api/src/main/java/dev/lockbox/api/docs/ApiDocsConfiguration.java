package dev.lockbox.api.docs;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The OpenAPI description ({@code /v3/api-docs}) and Swagger UI ({@code /swagger-ui.html}). Both
 * are public: they describe the API and hold no data. Every call they describe still needs HTTP
 * Basic, which Swagger UI's "Authorize" button sends.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocsConfiguration {

  static final String BASIC = "basicAuth";

  @Bean
  OpenAPI lockboxOpenApi() {
    return new OpenAPI()
        .info(
            new Info()
                .title("Lockbox API")
                .description(
                    "Customer Lockbox: engineers ask for access to customer data, customers approve"
                        + " or deny. Errors are RFC 9457 problem documents."))
        .components(
            new Components()
                .addSecuritySchemes(
                    BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
        .addSecurityItem(new SecurityRequirement().addList(BASIC));
  }

  @Bean
  @Order(0)
  SecurityFilterChain apiDocsSecurity(HttpSecurity http) throws Exception {
    http.securityMatcher("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
        .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(csrf -> csrf.disable());
    return http.build();
  }
}
