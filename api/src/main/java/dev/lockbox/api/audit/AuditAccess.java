package dev.lockbox.api.audit;

import dev.lockbox.api.problems.NotAllowedException;
import dev.lockbox.directory.DirectoryUser;
import dev.lockbox.directory.Role;
import java.util.Set;

/**
 * Who reads which audit events: auditors every tenant's, customer approvers their own tenants'. One
 * request's trail is for whoever may see that request ({@code LockboxRequests.trail}).
 */
public final class AuditAccess {

  private AuditAccess() {}

  /**
   * The tenants a listing or export covers: null means every tenant. A tenant the caller may not
   * read is refused rather than silently left out.
   */
  public static Set<String> tenantScope(DirectoryUser user, String tenantId) {
    if (user.has(Role.AUDITOR)) {
      return tenantId == null ? null : Set.of(tenantId);
    }
    if (user.has(Role.CUSTOMER_APPROVER)) {
      if (tenantId == null) {
        return Set.copyOf(user.approverOf());
      }
      if (user.approves(tenantId)) {
        return Set.of(tenantId);
      }
      throw new NotAllowedException(
          "You read the audit events of your own tenants only, not of " + tenantId + ".");
    }
    throw new NotAllowedException("Only auditors and customer approvers read audit events.");
  }
}
