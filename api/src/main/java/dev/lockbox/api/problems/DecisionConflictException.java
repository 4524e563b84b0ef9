package dev.lockbox.api.problems;

import dev.lockbox.workflows.model.LockboxStatus;

/** A decision that is no longer possible in the request's current status. */
public class DecisionConflictException extends RuntimeException {

  private final String currentStatus;

  public DecisionConflictException(String detail, String currentStatus) {
    super(detail);
    this.currentStatus = currentStatus;
  }

  /** The request has moved on (decided, expired, closed) before this decision arrived. */
  public static DecisionConflictException noLongerPossible(LockboxStatus status) {
    return new DecisionConflictException(
        "The request is " + status + "; this decision is no longer possible.", status.name());
  }

  public String currentStatus() {
    return currentStatus;
  }
}
