package dev.lockbox.workflows.model;

/** What a recorded decision did to the request. */
public enum DecisionKind {
  INTERNAL_APPROVE,
  INTERNAL_DENY,
  INTERNAL_EXPIRE,
  APPROVE,
  DENY,
  EXPIRE,
  CANCEL,
  REVOKE
}
