package dev.lockbox.platform.directory;

/** What a user may do in Lockbox. */
public enum Role {
  /** Provider support engineer: asks for access. */
  ENGINEER,
  /** Customer approver (Owner or "Lockbox approver") of the tenants in {@code approverOf}. */
  CUSTOMER_APPROVER,
  /** Reads every request and its history; never decides. */
  AUDITOR,
  /** Watches health and metrics. */
  OPERATOR
}
