package dev.lockbox.workflows;

import dev.lockbox.workflows.model.LockboxStatus;
import io.temporal.failure.ApplicationFailure;
import java.util.Arrays;
import java.util.Optional;

/**
 * Why the workflow refused a message. The names are the {@link ApplicationFailure} types that reach
 * the caller, so the API can map them to HTTP statuses without parsing messages.
 */
public enum LockboxErrors {
  /** The decision is no longer possible in the current status; details carry that status. */
  NOT_IN_EXPECTED_STATUS,
  /** The actor may not take this decision on this request. */
  NOT_ALLOWED,
  /** This approver's approval is already counted: the same person never counts twice. */
  ALREADY_APPROVED,
  /** The decision's content is not acceptable (e.g. an approved duration longer than asked). */
  INVALID_DECISION,
  /** The question or extension the message names does not exist in this request. */
  NO_SUCH_ITEM;

  ApplicationFailure failure(String message, LockboxStatus status) {
    return ApplicationFailure.newNonRetryableFailure(message, name(), status.name());
  }

  /**
   * Finds the lockbox refusal in a client-side exception. The SDK wraps a validator's failure in
   * failures of its own, so the refusal can sit anywhere in the cause chain.
   */
  public static Optional<ApplicationFailure> refusalIn(Throwable thrown) {
    for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
      if (cause instanceof ApplicationFailure failure && isLockboxType(failure.getType())) {
        return Optional.of(failure);
      }
    }
    return Optional.empty();
  }

  private static boolean isLockboxType(String type) {
    return Arrays.stream(values()).anyMatch(error -> error.name().equals(type));
  }
}
