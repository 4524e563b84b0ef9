package dev.lockbox.api.requests;

import dev.lockbox.api.problems.DecisionConflictException;
import dev.lockbox.api.problems.InvalidRequestException;
import dev.lockbox.api.problems.ItemNotFoundException;
import dev.lockbox.api.problems.NotAllowedException;
import dev.lockbox.workflows.LockboxErrors;
import io.temporal.client.WorkflowException;
import io.temporal.failure.ApplicationFailure;
import java.util.Optional;

/** A workflow's refusal of a message, as the api's exception (and so its HTTP status). */
final class WorkflowRefusals {

  private WorkflowRefusals() {}

  /** The refusal in {@code e}; {@code e} itself when it is not a lockbox refusal. */
  static RuntimeException of(WorkflowException e) {
    Optional<ApplicationFailure> refusal = LockboxErrors.refusalIn(e);
    if (refusal.isEmpty()) {
      return e;
    }
    ApplicationFailure failure = refusal.get();
    String message = failure.getOriginalMessage();
    return switch (LockboxErrors.valueOf(failure.getType())) {
      case NOT_ALLOWED -> new NotAllowedException(message);
      case INVALID_DECISION -> new InvalidRequestException(message + ".");
      case NO_SUCH_ITEM -> new ItemNotFoundException(message + ".");
      case NOT_IN_EXPECTED_STATUS, ALREADY_APPROVED ->
          new DecisionConflictException(message, failure.getDetails().get(String.class));
    };
  }
}
