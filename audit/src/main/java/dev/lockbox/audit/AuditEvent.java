package dev.lockbox.audit;

import java.time.Instant;

/**
 * One readable step of a request's audit trail, derived from its workflow history.
 *
 * @param actor the authenticated principal who acted, or {@code system} for timers and the workflow
 * @param channel how the actor reached Lockbox: API, PORTAL, EMAIL_LINK or SYSTEM
 * @param reason the actor's comment, or why the system acted
 * @param historyEventId the id of the history event this step was read from, to find it in the raw
 *     history
 */
public record AuditEvent(
    Instant time,
    AuditAction action,
    String actor,
    String channel,
    String tenantId,
    String subscriptionId,
    String requestId,
    String supportTicketId,
    String reason,
    long historyEventId) {}
