package dev.lockbox.api.portal;

import java.time.Instant;

/**
 * One step in a request's life, as the portal's timeline and activity log show it (its time through
 * {@code @viewerTime}).
 */
record TimelineEvent(
    String requestId, Instant at, String action, String actor, String channel, String detail) {}
