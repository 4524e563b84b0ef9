package dev.lockbox.readmodel;

import java.util.Set;

/**
 * A listing request. Null filters match everything; {@code tenantIds} restricts to those tenants
 * (an empty set matches nothing, so a caller with no tenants sees no rows).
 */
public record SummaryQuery(
    String status, Set<String> tenantIds, String tenantId, String requester, int page, int size) {

  public static final int MAX_SIZE = 100;

  public SummaryQuery {
    if (page < 0) {
      throw new IllegalArgumentException("page must be 0 or more");
    }
    if (size < 1 || size > MAX_SIZE) {
      throw new IllegalArgumentException("size must be between 1 and " + MAX_SIZE);
    }
    tenantIds = tenantIds == null ? null : Set.copyOf(tenantIds);
  }
}
