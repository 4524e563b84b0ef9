package dev.lockbox.readmodel;

import java.time.Instant;

/** One row of the read model. {@code version} orders the writes of one request. */
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
    Instant revokedAt) {}
