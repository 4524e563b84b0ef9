package dev.lockbox.api.portal;

import dev.lockbox.api.security.CurrentUser;
import dev.lockbox.directory.DirectoryUser;
import org.springframework.core.env.Environment;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * What every portal page shows in its frame (templates read it as {@code @portalContext}): who is
 * signed in, and whether this is the in-memory embedded default.
 */
@Component("portalContext")
public class PortalContext {

  private final CurrentUser currentUser;
  private final boolean inMemory;

  PortalContext(CurrentUser currentUser, Environment environment) {
    this.currentUser = currentUser;
    // Set by lockbox.jar when it runs its own in-memory Temporal service (no TEMPORAL_ADDRESS).
    this.inMemory = environment.getProperty("lockbox.embedded.active", Boolean.class, false);
  }

  public boolean inMemory() {
    return inMemory;
  }

  public boolean signedIn() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    return auth != null
        && auth.isAuthenticated()
        && !(auth instanceof AnonymousAuthenticationToken);
  }

  /** The signed-in user's display name and id, or empty. */
  public String userLabel() {
    if (!signedIn()) {
      return "";
    }
    DirectoryUser user = currentUser.get();
    return user.displayName() + " (" + user.id() + ")";
  }
}
