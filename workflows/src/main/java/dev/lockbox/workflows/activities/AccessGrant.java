package dev.lockbox.workflows.activities;

import java.time.Instant;

/**
 * One grant of access at the access system. It carries its own expiry so that access ends even if
 * the workflow is terminated and never runs its revoke.
 */
public record AccessGrant(
    String requestId,
    String principal,
    String tenantId,
    String subscriptionId,
    String resourceType,
    String resourceId,
    String accessLevel,
    Instant expiresAt) {}
