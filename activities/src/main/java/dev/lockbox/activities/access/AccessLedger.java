package dev.lockbox.activities.access;

import dev.lockbox.workflows.activities.AccessGrant;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The access system of the embedded default: an in-memory table of grants that honours each grant's
 * own expiry, as a real access system must (a terminated workflow never revokes). {@link
 * dev.lockbox.workflows.activities.AccessActivities} is where a real one plugs in.
 */
public class AccessLedger {

  private final Map<String, AccessGrant> grants = new ConcurrentHashMap<>();
  private final Clock clock;

  public AccessLedger(Clock clock) {
    this.clock = clock;
  }

  /** Idempotent: granting the same request twice keeps the first grant. */
  public void grant(AccessGrant grant) {
    grants.putIfAbsent(grant.requestId(), grant);
  }

  /** Idempotent: revoking what is not there succeeds. */
  public void revoke(String requestId) {
    grants.remove(requestId);
  }

  /** Grants in force now; an expired grant gives no access even before it is revoked. */
  public List<AccessGrant> active() {
    return grants.values().stream().filter(g -> g.expiresAt().isAfter(clock.instant())).toList();
  }

  public boolean isActive(String requestId) {
    return active().stream().anyMatch(g -> g.requestId().equals(requestId));
  }
}
