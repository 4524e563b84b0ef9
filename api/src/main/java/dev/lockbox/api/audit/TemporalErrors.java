package dev.lockbox.api.audit;

import dev.lockbox.api.problems.TemporalUnavailableException;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.client.WorkflowServiceException;

/** Turns "Temporal is not reachable" into a 503 problem instead of a 500. */
final class TemporalErrors {

  private TemporalErrors() {}

  static RuntimeException translate(RuntimeException e) {
    StatusRuntimeException grpc =
        e instanceof StatusRuntimeException direct
            ? direct
            : e instanceof WorkflowServiceException && e.getCause() instanceof StatusRuntimeException wrapped ? wrapped : null;
    if (grpc != null) {
      Status.Code code = grpc.getStatus().getCode();
      if (code == Status.Code.UNAVAILABLE || code == Status.Code.DEADLINE_EXCEEDED) {
        return new TemporalUnavailableException(e);
      }
    }
    return e;
  }
}
