package dev.lockbox.api.portal;

import dev.lockbox.api.security.CurrentUser;
import dev.lockbox.directory.DirectoryUser;
import dev.lockbox.directory.Role;
import org.springframework.core.env.Environment;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * What every portal page shows in its frame (templates read it as {@code @portalContext}): who is
 * signed in, and which local mode lockbox.jar runs in (in memory, or durable with its data
 * directory and the Temporal Web UI's address); nothing on a cluster.
 */
@Component("portalContext")
public class PortalContext {

  private final CurrentUser currentUser;
  private final boolean local;
  private final String mode;
  private final String dataLocation;
  private final String webUi;

  PortalContext(CurrentUser currentUser, Environment environment) {
    this.currentUser = currentUser;
    // Set by lockbox.jar when it runs its own Temporal service (no TEMPORAL_ADDRESS).
    this.local = environment.getProperty("lockbox.embedded.active", Boolean.class, false);
    this.mode = environment.getProperty("lockbox.embedded.mode", "");
    this.dataLocation = environment.getProperty("lockbox.embedded.data-location", "");
    this.webUi = environment.getProperty("lockbox.embedded.web-ui", "");
  }

  /** lockbox.jar on its own Temporal service: the dev outbox exists, demo users sign in. */
  public boolean local() {
    return local;
  }

  /** The in-memory Java test server: everything is lost when Lockbox stops. */
  public boolean inMemory() {
    return mode.equals("in-memory");
  }

  /** The real Temporal server started by lockbox.jar, keeping its data in {@link #dataLocation}. */
  public boolean durable() {
    return mode.equals("durable");
  }

  public String dataLocation() {
    return dataLocation;
  }

  public String webUi() {
    return webUi;
  }

  public boolean signedIn() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    return auth != null
        && auth.isAuthenticated()
        && !(auth instanceof AnonymousAuthenticationToken);
  }

  /** An engineer signed in: they see "My requests". */
  public boolean engineer() {
    return signedIn() && currentUser.get().has(Role.ENGINEER);
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
