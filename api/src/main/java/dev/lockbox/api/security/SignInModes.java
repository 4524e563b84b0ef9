package dev.lockbox.api.security;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.stereotype.Component;

/**
 * Which ways of signing in are on. Without OIDC settings: the directory's passwords (HTTP Basic for
 * the API, the sign-in form for the portal), as in the local modes. With a JWT decoder configured
 * ({@code lockbox.security.oidc.*} or Spring's {@code
 * spring.security.oauth2.resourceserver.jwt.*}): bearer tokens for the API, and password sign-in
 * off unless {@code lockbox.security.password-sign-in=true}.
 */
@Component
class SignInModes {

  private final JwtDecoder jwtDecoder;
  private final ClaimMapping claims;
  private final boolean passwords;

  SignInModes(ObjectProvider<JwtDecoder> jwtDecoder, ClaimMapping claims, Environment environment) {
    this.jwtDecoder = jwtDecoder.getIfAvailable();
    this.claims = claims;
    this.passwords =
        environment.getProperty(
            "lockbox.security.password-sign-in", Boolean.class, this.jwtDecoder == null);
  }

  boolean passwords() {
    return passwords;
  }

  boolean bearer() {
    return jwtDecoder != null;
  }

  /** The {@code WWW-Authenticate} challenge of a 401 from the API. */
  String challenge() {
    return bearer() && !passwords ? "Bearer realm=\"lockbox\"" : "Basic realm=\"lockbox\"";
  }

  /** Adds bearer tokens to the API's chain when OIDC is on. */
  void api(HttpSecurity http, AuthenticationEntryPoint entryPoint) throws Exception {
    if (!bearer()) {
      return;
    }
    http.oauth2ResourceServer(
        server ->
            server
                .authenticationEntryPoint(entryPoint)
                .jwt(jwt -> jwt.decoder(jwtDecoder).jwtAuthenticationConverter(claims::token)));
  }

  /** Adds OIDC sign-in to the portal's chain when a client registration is configured. */
  void portal(HttpSecurity http) {}
}
