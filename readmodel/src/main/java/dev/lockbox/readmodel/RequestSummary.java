package dev.lockbox.readmodel;

import dev.lockbox.workflows.model.DecisionRecord;
import dev.lockbox.workflows.model.LockboxRequest;
import dev.lockbox.workflows.model.LockboxState;
import java.time.Instant;

/**
 * One row of the read model. {@code version} orders the writes of one request; {@code breakGlass}
 * marks emergency access (rows written before it existed say false until a repair).
 */
public record RequestSummary(
    String requestId,
    long version,
    String status,
    String tenantId,
    String subscriptionId,
    String requester,
    String resourceType,
    String resourceId,
    String accessLevel,
    String supportTicketId,
    Instant createdAt,
    Instant expiresAt,
    Instant decidedAt,
    Instant grantedAt,
    Instant revokedAt,
    boolean breakGlass) {

  /** The row a workflow state gives: what the worker writes and what a repair writes. */
  public static RequestSummary of(LockboxState s) {
    LockboxRequest r = s.request();
    DecisionRecord decision = s.decision();
    return new RequestSummary(
        r.requestId(),
        s.version(),
        s.status().name(),
        r.tenantId(),
        r.subscriptionId(),
        r.requester(),
        r.resourceType(),
        r.resourceId(),
        r.accessLevel(),
        r.supportTicketId(),
        s.createdAt(),
        s.expiresAt(),
        decision == null ? null : decision.at(),
        s.accessGrantedAt(),
        s.revokedAt(),
        r.breakGlass());
  }
}
