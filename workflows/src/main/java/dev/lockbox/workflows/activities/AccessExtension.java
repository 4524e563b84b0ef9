package dev.lockbox.workflows.activities;

import java.time.Instant;

/**
 * Granted access made longer: the request's grant now ends at {@code expiresAt}. Idempotent by
 * (request id, extension id).
 */
public record AccessExtension(String requestId, String extensionId, Instant expiresAt) {}
