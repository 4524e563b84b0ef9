package dev.lockbox.workflows.model;

import java.time.Duration;
import java.time.Instant;

/**
 * One request for more access time, decided by the tenant's approvers as the request was (the same
 * levels) within its own approval window.
 *
 * @param id {@code e1}, {@code e2}, … in the order asked: unique within the request
 * @param expiresAt when it expires unanswered: its approval window, and never after the access end
 * @param approval its levels and the approvals counted so far
 * @param decision the approval that completed it, the deny, or the expiry; null while pending
 * @param accessExpiresAt the access end once approved; null otherwise
 */
public record Extension(
    String id,
    String requestedBy,
    Channel channel,
    Duration duration,
    String reason,
    Instant requestedAt,
    Instant expiresAt,
    ExtensionStatus status,
    ApprovalProgress approval,
    DecisionRecord decision,
    Instant accessExpiresAt) {}
