package dev.lockbox.workflows.model;

/** What a recorded decision did to the request. */
public enum DecisionKind {
  APPROVE,
  DENY,
  EXPIRE,
  CANCEL,
  REVOKE
}
