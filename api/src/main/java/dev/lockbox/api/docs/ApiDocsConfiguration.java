package dev.lockbox.api.docs;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.tags.Tag;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The OpenAPI description ({@code /v3/api-docs}) and Swagger UI ({@code /swagger-ui.html}). Both
 * are public: they describe the API and hold no data. Every call they describe still needs HTTP
 * Basic, which Swagger UI's "Authorize" button sends. Operations are grouped under the tags below
 * (nouns, never controller names); what every call shares (sign-in, problem JSON) is added by
 * {@link ProblemResponses}.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocsConfiguration {

  static final String BASIC = "basicAuth";

  static final String REQUESTS = "Lockbox requests";
  static final String AUDIT = "Audit";
  static final String ACCESS = "Access checks";

  @Bean
  OpenAPI lockboxOpenApi() {
    return new OpenAPI()
        .info(
            new Info()
                .title("Lockbox API")
                .description(
                    "Customer Lockbox: engineers ask for access to customer data, customers approve"
                        + " or deny. Errors are RFC 9457 problem documents"
                        + " (application/problem+json)."))
        .addTagsItem(
            new Tag()
                .name(REQUESTS)
                .description(
                    "Asking for access, deciding, ending it early, and reading requests and their"
                        + " Temporal histories."))
        .addTagsItem(
            new Tag()
                .name(AUDIT)
                .description(
                    "Audit events read from the workflow histories, the signed bulk export and the"
                        + " key that verifies it."))
        .addTagsItem(
            new Tag()
                .name(ACCESS)
                .description("Whether a principal may enter a resource now, for access gateways."))
        .components(
            new Components()
                .addSecuritySchemes(
                    BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
        .addSecurityItem(new SecurityRequirement().addList(BASIC));
  }

  @Bean
  OpenApiCustomizer problemResponses() {
    return new ProblemResponses();
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
