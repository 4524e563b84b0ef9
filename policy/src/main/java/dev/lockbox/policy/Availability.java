package dev.lockbox.policy;

/** Whether a service is generally available or in preview (only for tenants that opted in). */
public enum Availability {
  GA,
  PREVIEW
}
