package dev.lockbox.readmodel;

import java.time.Instant;

/** A request's place in creation order: the key of keyset pagination over long ranges. */
public record RequestKey(Instant createdAt, String requestId) {}
