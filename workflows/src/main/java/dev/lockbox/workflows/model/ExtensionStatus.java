package dev.lockbox.workflows.model;

/** Where a request for more access time stands. The names are part of the public API. */
public enum ExtensionStatus {
  /** The approvers are asked; the access end has not moved. */
  PENDING,
  /** Approved: the access end moved by the duration asked for. */
  APPROVED,
  /** An approver refused; the access end stays where it was. */
  DENIED,
  /** Nobody decided in time (or the access ended first); the access end stays where it was. */
  EXPIRED,
  /**
   * Approved, but the access system did not take the new end before the old one: access ends when
   * it was going to, as the access system enforces.
   */
  FAILED
}
