package dev.lockbox.directory;

/** What a user may do in Lockbox. */
public enum Role {
  /** Provider support engineer: asks for access. */
  ENGINEER,
  /** Customer approver (Owner or "Lockbox approver") of the tenants in {@code approverOf}. */
  CUSTOMER_APPROVER,
  /** Provider-side reviewer; {@code internalRoles} names which internal approvals they give. */
  INTERNAL_APPROVER,
  /** May declare break-glass (emergency) access. */
  INCIDENT_RESPONDER,
  /** Reads every request and its history; never decides. */
  AUDITOR,
  /** Watches health and metrics. */
  OPERATOR,
  /** An access gateway: asks the built-in access system whether someone may enter a resource. */
  GATEWAY
}
