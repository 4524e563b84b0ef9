package dev.lockbox.api.security;

import dev.lockbox.directory.Directory;
import dev.lockbox.directory.DirectoryUser;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;

/**
 * The authenticated caller as a directory entry: from the directory for a password sign-in, from
 * the token's claims ({@link ClaimMapping}) for a bearer token or an OIDC sign-in. The recorded
 * actor of every decision comes from here, never from a request body.
 */
@Component
public class CurrentUser {

  private final Directory directory;
  private final ClaimMapping claims;

  CurrentUser(Directory directory, ClaimMapping claims) {
    this.directory = directory;
    this.claims = claims;
  }

  public DirectoryUser get() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth == null || !auth.isAuthenticated()) {
      throw new InsufficientAuthenticationException("not signed in");
    }
    if (auth.getPrincipal() instanceof Jwt jwt) {
      return claims.user(jwt.getClaims());
    }
    if (auth.getPrincipal() instanceof OidcUser oidc) {
      return claims.user(oidc.getClaims());
    }
    return directory
        .user(auth.getName())
        .orElseThrow(() -> new InsufficientAuthenticationException("user left the directory"));
  }
}
