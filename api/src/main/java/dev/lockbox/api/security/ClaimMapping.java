package dev.lockbox.api.security;

import dev.lockbox.directory.DirectoryUser;
import dev.lockbox.directory.Role;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;

/**
 * Turns an identity provider's claims into the same {@link DirectoryUser} a password sign-in gets
 * from the directory, so one authorization model ({@code RequestAccessPolicy}) serves both. The
 * claims are read at every request, so a role removed at the provider is gone with the next token.
 */
@Component
@EnableConfigurationProperties(OidcSettings.class)
public class ClaimMapping {

  private final OidcSettings.Claims names;

  ClaimMapping(OidcSettings settings) {
    this.names = settings.claims();
  }

  public DirectoryUser user(Map<String, Object> claims) {
    Object id = claims.get(names.userId());
    if (!(id instanceof String userId) || userId.isBlank()) {
      throw new org.springframework.security.oauth2.jwt.BadJwtException(
          "the token names no user in claim " + names.userId());
    }
    return new DirectoryUser(
        userId,
        text(claims.get(names.name()), userId),
        text(claims.get(names.email()), null),
        null,
        roles(claims.get(names.roles())),
        strings(claims.get(names.approverOf())),
        strings(claims.get(names.internalRoles())),
        mfa(claims.get(names.mfa())),
        Boolean.TRUE.equals(claims.get(names.isolatedIdentity())));
  }

  /** The bearer token as an authentication with the mapped roles as authorities. */
  AbstractAuthenticationToken token(Jwt jwt) {
    DirectoryUser user = user(jwt.getClaims());
    return new JwtAuthenticationToken(jwt, authorities(user), user.id());
  }

  static List<GrantedAuthority> authorities(DirectoryUser user) {
    return user.roles().stream()
        .map(role -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + role.name()))
        .toList();
  }

  private boolean mfa(Object claim) {
    return Boolean.TRUE.equals(claim) || strings(claim).contains(names.mfaValue());
  }

  private static Set<Role> roles(Object claim) {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    for (String name : strings(claim)) {
      String normal = name.trim().toUpperCase(Locale.ROOT).replace('-', '_');
      for (Role role : Role.values()) {
        if (role.name().equals(normal)) {
          roles.add(role);
        }
      }
    }
    return roles;
  }

  private static List<String> strings(Object claim) {
    if (claim instanceof String text) {
      return List.of(text.trim().split("[\\s,]+")).stream().filter(s -> !s.isEmpty()).toList();
    }
    if (claim instanceof Collection<?> values) {
      return values.stream().filter(String.class::isInstance).map(String.class::cast).toList();
    }
    return List.of();
  }

  private static String text(Object claim, String fallback) {
    return claim instanceof String text && !text.isBlank() ? text : fallback;
  }
}
