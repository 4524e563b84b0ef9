package dev.lockbox.api.security;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * The JWT decoder of the API when {@code lockbox.security.oidc.issuer-uri} or {@code jwk-set-uri}
 * is set. A token must be signed by a key of the provider's key set, unexpired (an {@code exp} is
 * required), from the configured issuer and made for the configured audience. Keys are fetched on
 * first use, so start-up does not wait for the provider.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression(
    "'${lockbox.security.oidc.issuer-uri:}' != '' or '${lockbox.security.oidc.jwk-set-uri:}' != ''")
class OidcConfiguration {

  @Bean
  JwtDecoder lockboxJwtDecoder(OidcSettings settings) {
    NimbusJwtDecoder decoder =
        settings.jwkSetUri() != null && !settings.jwkSetUri().isBlank()
            ? NimbusJwtDecoder.withJwkSetUri(settings.jwkSetUri()).build()
            : NimbusJwtDecoder.withIssuerLocation(settings.issuerUri()).build();
    decoder.setJwtValidator(validator(settings));
    return decoder;
  }

  static OAuth2TokenValidator<Jwt> validator(OidcSettings settings) {
    List<OAuth2TokenValidator<Jwt>> checks = new ArrayList<>();
    checks.add(new JwtTimestampValidator());
    checks.add(new JwtClaimValidator<Object>(JwtClaimNames.EXP, exp -> exp != null));
    if (settings.issuerUri() != null && !settings.issuerUri().isBlank()) {
      checks.add(new JwtIssuerValidator(settings.issuerUri()));
    }
    if (settings.audience() != null && !settings.audience().isBlank()) {
      checks.add(
          new JwtClaimValidator<List<String>>(
              JwtClaimNames.AUD, aud -> aud != null && aud.contains(settings.audience())));
    }
    return new DelegatingOAuth2TokenValidator<>(checks);
  }
}
