package dev.lockbox.workflows.model;

/** How a decision reached Lockbox; recorded with every decision for the audit trail. */
public enum Channel {
  API,
  PORTAL,
  EMAIL_LINK,
  /** Timers and the workflow itself, e.g. an expiry or the end of the access window. */
  SYSTEM
}
