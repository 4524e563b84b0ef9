package dev.lockbox.readmodel;

import dev.lockbox.workflows.activities.AccessGrant;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The grants of the built-in access system. A grant is live while it is not revoked and its own
 * expiry lies ahead: nothing has to remove an expired grant for it to stop giving access.
 */
public class AccessGrantRepository {

  private static final String COLUMNS =
      "request_id, principal, tenant_id, resource_id, access_level, granted_at, expires_at,"
          + " revoked_at";
  private static final String LIVE = " revoked_at IS NULL AND expires_at > :now";

  private final JdbcClient jdbc;
  private final Clock clock;

  public AccessGrantRepository(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * Records the grant unless this request already has one: a retried grant changes nothing, and a
   * grant retried after its revoke does not open access again.
   *
   * @return whether this call created the grant
   */
  public boolean grant(AccessGrant grant) {
    try {
      return jdbc.sql(
                  "INSERT INTO access_grant ("
                      + COLUMNS
                      + ") VALUES (:requestId, :principal, :tenantId, :resourceId, :accessLevel,"
                      + " :grantedAt, :expiresAt, NULL)")
              .param("requestId", grant.requestId())
              .param("principal", grant.principal())
              .param("tenantId", grant.tenantId())
              .param("resourceId", grant.resourceId())
              .param("accessLevel", grant.accessLevel())
              .param("grantedAt", utc(clock.instant()))
              .param("expiresAt", utc(grant.expiresAt()))
              .update()
          > 0;
    } catch (DuplicateKeyException alreadyGranted) {
      return false;
    }
  }

  /**
   * Ends this request's grant now; revoking a revoked grant, or a request never granted, succeeds.
   * A request never granted gets a revoked row of its own, so that a grant still in flight when the
   * workflow was cancelled cannot open access after its revoke.
   *
   * @return whether this call ended a grant
   */
  public boolean revoke(String requestId) {
    int ended =
        jdbc.sql(
                "UPDATE access_grant SET revoked_at = :now"
                    + " WHERE request_id = :requestId AND revoked_at IS NULL")
            .param("now", utc(clock.instant()))
            .param("requestId", requestId)
            .update();
    if (ended == 0 && find(requestId).isEmpty()) {
      keepOut(requestId);
    }
    return ended > 0;
  }

  /**
   * Moves the end of this request's grant, unless it is revoked: an extension never reopens access.
   * Setting the same end again changes nothing.
   *
   * @return whether a live (not revoked) grant now ends at {@code expiresAt}
   */
  public boolean extend(String requestId, Instant expiresAt) {
    return jdbc.sql(
                "UPDATE access_grant SET expires_at = :expiresAt"
                    + " WHERE request_id = :requestId AND revoked_at IS NULL")
            .param("expiresAt", utc(expiresAt))
            .param("requestId", requestId)
            .update()
        > 0;
  }

  private void keepOut(String requestId) {
    OffsetDateTime now = utc(clock.instant());
    try {
      jdbc.sql(
              "INSERT INTO access_grant ("
                  + COLUMNS
                  + ") VALUES (:requestId, '', '', '', '', :now, :now, :now)")
          .param("requestId", requestId)
          .param("now", now)
          .update();
    } catch (DuplicateKeyException grantedMeanwhile) {
      revoke(requestId);
    }
  }

  /** The live grant of this principal on this resource that lasts longest, if any. */
  public Optional<StoredGrant> liveGrant(String principal, String resourceId) {
    return jdbc
        .sql(
            "SELECT "
                + COLUMNS
                + " FROM access_grant WHERE principal = :principal AND resource_id = :resourceId"
                + " AND"
                + LIVE
                + " ORDER BY expires_at DESC, request_id")
        .param("principal", principal)
        .param("resourceId", resourceId)
        .param("now", utc(clock.instant()))
        .query(AccessGrantRepository::map)
        .list()
        .stream()
        .findFirst();
  }

  /** Every live grant, oldest first (for the reconciler and the metric). */
  public List<StoredGrant> liveGrants() {
    return jdbc.sql(
            "SELECT " + COLUMNS + " FROM access_grant WHERE" + LIVE + " ORDER BY granted_at")
        .param("now", utc(clock.instant()))
        .query(AccessGrantRepository::map)
        .list();
  }

  public Optional<StoredGrant> find(String requestId) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM access_grant WHERE request_id = :requestId")
        .param("requestId", requestId)
        .query(AccessGrantRepository::map)
        .optional();
  }

  /** Whether this request's grant gives access now. */
  public boolean isLive(String requestId) {
    return find(requestId).filter(g -> g.liveAt(clock.instant())).isPresent();
  }

  public long countLive() {
    return jdbc.sql("SELECT COUNT(*) FROM access_grant WHERE" + LIVE)
        .param("now", utc(clock.instant()))
        .query(Long.class)
        .single();
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }

  private static StoredGrant map(ResultSet rs, int row) throws SQLException {
    return new StoredGrant(
        rs.getString("request_id"),
        rs.getString("principal"),
        rs.getString("tenant_id"),
        rs.getString("resource_id"),
        rs.getString("access_level"),
        instant(rs, "granted_at"),
        instant(rs, "expires_at"),
        instant(rs, "revoked_at"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  /** One row of the built-in access system. */
  public record StoredGrant(
      String requestId,
      String principal,
      String tenantId,
      String resourceId,
      String accessLevel,
      Instant grantedAt,
      Instant expiresAt,
      Instant revokedAt) {

    public boolean liveAt(Instant now) {
      return revokedAt == null && expiresAt.isAfter(now);
    }
  }
}
