package dev.lockbox.directory;

/** A tenant's support plan, lowest first. Customer Lockbox needs Developer or higher. */
public enum SupportPlan {
  BASIC,
  DEVELOPER,
  STANDARD,
  PROFESSIONAL_DIRECT,
  PREMIER;

  public boolean includesLockbox() {
    return compareTo(DEVELOPER) >= 0;
  }
}
