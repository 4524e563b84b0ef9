package dev.lockbox.audit.export;

import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which requests an export holds: those created in [from, to), of the given tenants (null: all).
 */
public record ExportScope(Instant from, Instant to, Set<String> tenantIds) {

  public ExportScope {
    if (from == null || to == null || !from.isBefore(to)) {
      throw new IllegalArgumentException("from must be before to");
    }
    tenantIds = tenantIds == null ? null : Set.copyOf(tenantIds);
  }

  /** Tenants in a stable order, for the manifest. */
  TreeSet<String> sortedTenants() {
    return tenantIds == null ? null : new TreeSet<>(tenantIds);
  }
}
