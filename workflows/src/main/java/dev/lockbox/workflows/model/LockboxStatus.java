package dev.lockbox.workflows.model;

/** Where a lockbox request stands. The names are part of the public API and the read model. */
public enum LockboxStatus {
  /** The JIT rules are being evaluated. */
  EVALUATING,
  /** The JIT policy refused the request; nothing was granted. */
  REJECTED,
  /** A provider-side reviewer (e.g. a support lead) must approve before the customer is asked. */
  INTERNAL_REVIEW,
  /** The customer's approvers were notified and the request waits for their decision. */
  PENDING,
  /** An approver approved; access is being granted. */
  APPROVED,
  /** Access is granted until the access window ends or someone revokes it. */
  ACCESS_GRANTED,
  /** Access was granted and has been revoked (at the end of the window or early). */
  COMPLETED,
  /** An approver denied the request; nothing was granted. */
  DENIED,
  /** Nobody decided within the approval window; nothing was granted. */
  EXPIRED,
  /** The requester (or an operator) canceled the request. */
  CANCELED;

  /**
   * Whether the request has come to rest: it waits for a person or for time, or has ended. {@code
   * EVALUATING} and {@code APPROVED} pass by themselves within moments (the policy answers, access
   * is granted).
   */
  public boolean settled() {
    return this != EVALUATING && this != APPROVED;
  }

  public boolean isFinal() {
    return switch (this) {
      case REJECTED, COMPLETED, DENIED, EXPIRED, CANCELED -> true;
      default -> false;
    };
  }
}
