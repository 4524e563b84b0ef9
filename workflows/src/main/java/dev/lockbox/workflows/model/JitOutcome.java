package dev.lockbox.workflows.model;

/** The three answers the JIT policy can give. */
public enum JitOutcome {
  REJECT,
  GRANT_WITHOUT_LOCKBOX,
  REQUIRE_CUSTOMER_APPROVAL
}
