package dev.lockbox.policy;

/** A service Lockbox cannot protect, with why and what the customer can do about it. */
public record UnsupportedService(String resourceType, String reason, String advice) {}
