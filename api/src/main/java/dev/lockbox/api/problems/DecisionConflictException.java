package dev.lockbox.api.problems;

/** A decision that is no longer possible in the request's current status. */
public class DecisionConflictException extends RuntimeException {

  private final String currentStatus;

  public DecisionConflictException(String detail, String currentStatus) {
    super(detail);
    this.currentStatus = currentStatus;
  }

  public String currentStatus() {
    return currentStatus;
  }
}
