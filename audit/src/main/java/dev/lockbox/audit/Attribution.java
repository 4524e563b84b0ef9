package dev.lockbox.audit;

/** Who an audit event is attributed to, how they reached Lockbox, and why. */
record Attribution(String actor, String channel, String reason) {

  static final String SYSTEM = "system";

  static Attribution system(String reason) {
    return new Attribution(SYSTEM, "SYSTEM", reason);
  }
}
