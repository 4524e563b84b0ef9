package dev.lockbox.api.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.stereotype.Component;

/**
 * Which ways of signing in are on. Without OIDC settings: the directory's passwords (HTTP Basic for
 * the API, the sign-in form for the portal), as in the local modes. With a JWT decoder configured
 * ({@code lockbox.security.oidc.*} or Spring's {@code
 * spring.security.oauth2.resourceserver.jwt.*}): bearer tokens for the API, and password sign-in
 * off unless {@code lockbox.security.password-sign-in=true}. With a client registration ({@code
 * spring.security.oauth2.client.registration.*}): OIDC sign-in for the portal.
 */
@Component
public class SignInModes {

  private final JwtDecoder jwtDecoder;
  private final ClientRegistrationRepository registrations;
  private final ClaimMapping claims;
  private final boolean passwords;

  SignInModes(
      ObjectProvider<JwtDecoder> jwtDecoder,
      ObjectProvider<ClientRegistrationRepository> registrations,
      ClaimMapping claims,
      Environment environment) {
    this.jwtDecoder = jwtDecoder.getIfAvailable();
    this.registrations = registrations.getIfAvailable();
    this.claims = claims;
    this.passwords =
        environment.getProperty(
            "lockbox.security.password-sign-in", Boolean.class, this.jwtDecoder == null);
  }

  public boolean passwords() {
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

  /** Whether the portal offers OIDC sign-in: a client registration is configured. */
  boolean oidcPortal() {
    return registrations != null;
  }

  /** The client registrations' ids, for the sign-in page's links. */
  public List<String> oidcRegistrations() {
    List<String> ids = new ArrayList<>();
    if (registrations instanceof Iterable<?> all) {
      all.forEach(r -> ids.add(((ClientRegistration) r).getRegistrationId()));
    }
    return ids;
  }

  /**
   * Adds OIDC sign-in (authorization code with PKCE, also for confidential clients) to the portal's
   * chain when a client registration is configured ({@code
   * spring.security.oauth2.client.registration.*}). The roles come from the ID token's claims
   * through the same {@link ClaimMapping} as bearer tokens.
   */
  void portal(HttpSecurity http) throws Exception {
    if (registrations == null) {
      return;
    }
    DefaultOAuth2AuthorizationRequestResolver pkce =
        new DefaultOAuth2AuthorizationRequestResolver(
            registrations,
            OAuth2AuthorizationRequestRedirectFilter.DEFAULT_AUTHORIZATION_REQUEST_BASE_URI);
    pkce.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
    http.oauth2Login(
        login ->
            login
                .loginPage("/login")
                .defaultSuccessUrl("/portal")
                .failureUrl("/login?oidcError")
                .authorizationEndpoint(endpoint -> endpoint.authorizationRequestResolver(pkce))
                .userInfoEndpoint(user -> user.userAuthoritiesMapper(this::rolesFromClaims)));
  }

  private Collection<GrantedAuthority> rolesFromClaims(
      Collection<? extends GrantedAuthority> granted) {
    List<GrantedAuthority> roles = new ArrayList<>();
    for (GrantedAuthority authority : granted) {
      if (authority instanceof OidcUserAuthority oidc) {
        roles.addAll(ClaimMapping.authorities(claims.user(oidc.getAttributes())));
      }
    }
    return roles;
  }
}
