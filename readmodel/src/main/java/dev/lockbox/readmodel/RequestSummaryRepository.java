package dev.lockbox.readmodel;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Reads and writes the request summaries. Writes are idempotent by (request id, version). */
public class RequestSummaryRepository {

  private static final String COLUMNS =
      "request_id, version, status, tenant_id, subscription_id, requester, resource_type,"
          + " resource_id, access_level, support_ticket_id, created_at, expires_at, decided_at,"
          + " granted_at, revoked_at, break_glass";

  private final JdbcClient jdbc;

  public RequestSummaryRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Stores the summary unless a row with the same or a newer version is already there, so a retried
   * or late write never moves a request backwards.
   *
   * @return whether this call changed the table (false for a repeated or stale write)
   */
  public boolean save(RequestSummary s) {
    int updated =
        jdbc.sql(
                "UPDATE request_summary SET version = :version, status = :status,"
                    + " expires_at = :expiresAt, decided_at = :decidedAt, granted_at = :grantedAt,"
                    + " revoked_at = :revokedAt WHERE request_id = :requestId AND version < :version")
            .params(params(s))
            .update();
    if (updated > 0) {
      return true;
    }
    return find(s.requestId()).isEmpty() && insert(s);
  }

  private boolean insert(RequestSummary s) {
    try {
      jdbc.sql(
              "INSERT INTO request_summary ("
                  + COLUMNS
                  + ") VALUES (:requestId, :version, :status,"
                  + " :tenantId, :subscriptionId, :requester, :resourceType, :resourceId,"
                  + " :accessLevel, :supportTicketId, :createdAt, :expiresAt, :decidedAt,"
                  + " :grantedAt, :revokedAt, :breakGlass)")
          .params(params(s))
          .update();
      return true;
    } catch (DuplicateKeyException concurrentInsert) {
      return save(s);
    }
  }

  /**
   * Writes the summary a workflow's state gives over whatever row is there, unless the row is
   * newer: a repair may overwrite a row that was changed behind Lockbox's back at the same version,
   * but never a write the worker made meanwhile.
   */
  public void repair(RequestSummary s) {
    int updated =
        jdbc.sql(
                "UPDATE request_summary SET version = :version, status = :status,"
                    + " tenant_id = :tenantId, subscription_id = :subscriptionId,"
                    + " requester = :requester, resource_type = :resourceType,"
                    + " resource_id = :resourceId, access_level = :accessLevel,"
                    + " support_ticket_id = :supportTicketId, created_at = :createdAt,"
                    + " expires_at = :expiresAt, decided_at = :decidedAt, granted_at = :grantedAt,"
                    + " revoked_at = :revokedAt, break_glass = :breakGlass"
                    + " WHERE request_id = :requestId AND version <= :version")
            .params(params(s))
            .update();
    if (updated == 0 && find(s.requestId()).isEmpty()) {
      insert(s);
    }
  }

  /** Every row in request id order after {@code afterRequestId} (null: from the first). */
  public List<RequestSummary> byRequestId(String afterRequestId, int limit) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM request_summary WHERE request_id > :after ORDER BY request_id LIMIT :limit")
        .param("after", afterRequestId == null ? "" : afterRequestId)
        .param("limit", limit)
        .query(RequestSummaryRepository::map)
        .list();
  }

  public Optional<RequestSummary> find(String requestId) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM request_summary WHERE request_id = :id")
        .param("id", requestId)
        .query(RequestSummaryRepository::map)
        .optional();
  }

  /**
   * Pending requests soonest expiry first (those an approver must answer first; newest first would
   * hide them at the end); every other listing newest first.
   */
  private static String order(SummaryQuery query) {
    return "PENDING".equals(query.status())
        ? " ORDER BY expires_at, created_at, request_id"
        : " ORDER BY created_at DESC, request_id";
  }

  public SummaryPage find(SummaryQuery query) {
    Map<String, Object> params = new LinkedHashMap<>();
    String where = where(query, params);
    long total =
        jdbc.sql("SELECT COUNT(*) FROM request_summary" + where)
            .params(params)
            .query(Long.class)
            .single();
    params.put("limit", query.size());
    params.put("offset", (long) query.page() * query.size());
    List<RequestSummary> items =
        jdbc.sql(
                "SELECT "
                    + COLUMNS
                    + " FROM request_summary"
                    + where
                    + order(query)
                    + " LIMIT :limit OFFSET :offset")
            .params(params)
            .query(RequestSummaryRepository::map)
            .list();
    return new SummaryPage(items, query.page(), query.size(), total);
  }

  /**
   * Requests created in [from, to), of the given tenants (null: all), in creation order after
   * {@code after} (null: from the start). Keyset pages, so a long export never holds a connection
   * or an offset scan.
   */
  public List<RequestKey> createdBetween(
      Instant from, Instant to, Set<String> tenantIds, RequestKey after, int limit) {
    Map<String, Object> params = new LinkedHashMap<>();
    List<String> conditions = new ArrayList<>(List.of("created_at >= :from", "created_at < :to"));
    params.put("from", utc(from));
    params.put("to", utc(to));
    return keys(conditions, params, tenantIds, after, limit);
  }

  /**
   * Requests that may have done something in [from, to): created before {@code to} and either still
   * open or last acting (revoked, decided, or created) at or after {@code from}.
   */
  public List<RequestKey> activeBetween(
      Instant from,
      Instant to,
      Set<String> tenantIds,
      String subscriptionId,
      Set<String> finalStatuses,
      RequestKey after,
      int limit) {
    Map<String, Object> params = new LinkedHashMap<>();
    List<String> conditions =
        new ArrayList<>(
            List.of(
                "created_at < :to",
                "(status NOT IN (:finals) OR COALESCE(revoked_at, decided_at, created_at) >= :from)"));
    params.put("from", utc(from));
    params.put("to", utc(to));
    params.put("finals", List.copyOf(finalStatuses));
    if (subscriptionId != null) {
      conditions.add("subscription_id = :subscriptionId");
      params.put("subscriptionId", subscriptionId);
    }
    return keys(conditions, params, tenantIds, after, limit);
  }

  private List<RequestKey> keys(
      List<String> conditions,
      Map<String, Object> params,
      Set<String> tenantIds,
      RequestKey after,
      int limit) {
    if (tenantIds != null) {
      if (tenantIds.isEmpty()) {
        return List.of();
      }
      conditions.add("tenant_id IN (:tenantIds)");
      params.put("tenantIds", List.copyOf(tenantIds));
    }
    if (after != null) {
      conditions.add(
          "(created_at > :afterAt OR (created_at = :afterAt AND request_id > :afterId))");
      params.put("afterAt", utc(after.createdAt()));
      params.put("afterId", after.requestId());
    }
    params.put("limit", limit);
    return jdbc.sql(
            "SELECT request_id, created_at FROM request_summary WHERE "
                + String.join(" AND ", conditions)
                + " ORDER BY created_at, request_id LIMIT :limit")
        .params(params)
        .query((rs, row) -> new RequestKey(instant(rs, "created_at"), rs.getString("request_id")))
        .list();
  }

  private static String where(SummaryQuery q, Map<String, Object> params) {
    List<String> conditions = new ArrayList<>();
    if (q.status() != null) {
      conditions.add("status = :status");
      params.put("status", q.status());
    }
    if (q.tenantId() != null) {
      conditions.add("tenant_id = :tenantId");
      params.put("tenantId", q.tenantId());
    }
    if (q.tenantIds() != null) {
      if (q.tenantIds().isEmpty()) {
        conditions.add("1 = 0");
      } else {
        conditions.add("tenant_id IN (:tenantIds)");
        params.put("tenantIds", List.copyOf(q.tenantIds()));
      }
    }
    if (q.requester() != null) {
      conditions.add("requester = :requester");
      params.put("requester", q.requester());
    }
    return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
  }

  private static Map<String, Object> params(RequestSummary s) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("requestId", s.requestId());
    p.put("version", s.version());
    p.put("status", s.status());
    p.put("tenantId", s.tenantId());
    p.put("subscriptionId", s.subscriptionId());
    p.put("requester", s.requester());
    p.put("resourceType", s.resourceType());
    p.put("resourceId", s.resourceId());
    p.put("accessLevel", s.accessLevel());
    p.put("supportTicketId", s.supportTicketId());
    p.put("createdAt", utc(s.createdAt()));
    p.put("expiresAt", utc(s.expiresAt()));
    p.put("decidedAt", utc(s.decidedAt()));
    p.put("grantedAt", utc(s.grantedAt()));
    p.put("revokedAt", utc(s.revokedAt()));
    p.put("breakGlass", s.breakGlass());
    return p;
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }

  private static RequestSummary map(ResultSet rs, int row) throws SQLException {
    return new RequestSummary(
        rs.getString("request_id"),
        rs.getLong("version"),
        rs.getString("status"),
        rs.getString("tenant_id"),
        rs.getString("subscription_id"),
        rs.getString("requester"),
        rs.getString("resource_type"),
        rs.getString("resource_id"),
        rs.getString("access_level"),
        rs.getString("support_ticket_id"),
        instant(rs, "created_at"),
        instant(rs, "expires_at"),
        instant(rs, "decided_at"),
        instant(rs, "granted_at"),
        instant(rs, "revoked_at"),
        rs.getBoolean("break_glass"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }
}
