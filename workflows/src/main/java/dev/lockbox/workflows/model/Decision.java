package dev.lockbox.workflows.model;

/**
 * A decision as it is sent to the workflow. {@code actor} is the authenticated principal that the
 * caller (the API) vouches for, never a value taken from a request body.
 */
public record Decision(String actor, Channel channel, String comment) {}
