package dev.lockbox.workflows.model;

import java.time.Duration;

/**
 * An engineer's request for more time on granted access, as it is sent to the workflow.
 *
 * @param actor the authenticated engineer, vouched for by the API
 * @param duration how much longer access should last
 */
public record ExtensionRequest(String actor, Channel channel, Duration duration, String reason) {}
