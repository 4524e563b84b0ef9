package dev.lockbox.directory;

import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * A person as the directory knows them. Identity facts (MFA, isolated identity) come from here,
 * never from a request body.
 *
 * @param password an encoded password ({@code {noop}} or {@code {bcrypt}}); demo directory only
 * @param approverOf tenant ids for which this user is a designated Lockbox approver
 * @param internalRoles internal approval roles this user holds (e.g. support-lead)
 */
public record DirectoryUser(
    String id,
    String displayName,
    String email,
    String password,
    Set<Role> roles,
    @DefaultValue List<String> approverOf,
    @DefaultValue List<String> internalRoles,
    @DefaultValue("false") boolean mfa,
    @DefaultValue("false") boolean isolatedIdentity) {

  public DirectoryUser {
    roles = roles == null ? Set.of() : Set.copyOf(roles);
    approverOf = approverOf == null ? List.of() : List.copyOf(approverOf);
    internalRoles = internalRoles == null ? List.of() : List.copyOf(internalRoles);
  }

  public boolean has(Role role) {
    return roles.contains(role);
  }

  public boolean holdsInternalRole(String internalRole) {
    return has(Role.INTERNAL_APPROVER) && internalRoles.contains(internalRole);
  }

  public boolean approves(String tenantId) {
    return has(Role.CUSTOMER_APPROVER) && approverOf.contains(tenantId);
  }
}
