package dev.lockbox.api.security;

import dev.lockbox.directory.Directory;
import dev.lockbox.directory.DirectoryUser;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The authenticated caller as a directory entry. The recorded actor of every decision comes from
 * here, never from a request body.
 */
@Component
public class CurrentUser {

  private final Directory directory;

  CurrentUser(Directory directory) {
    this.directory = directory;
  }

  public DirectoryUser get() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth == null || !auth.isAuthenticated()) {
      throw new InsufficientAuthenticationException("not signed in");
    }
    return directory
        .user(auth.getName())
        .orElseThrow(() -> new InsufficientAuthenticationException("user left the directory"));
  }
}
