package dev.lockbox.api.problems;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.client.WorkflowServiceException;
import java.util.function.Supplier;

/** Turns "Temporal is not reachable" into a 503 problem instead of a 500. */
public final class TemporalErrors {

  private TemporalErrors() {}

  /** Runs a call to Temporal, translating an unreachable service into a 503. */
  public static <T> T call(Supplier<T> call) {
    try {
      return call.get();
    } catch (WorkflowServiceException | StatusRuntimeException e) {
      throw translate(e);
    }
  }

  public static RuntimeException translate(RuntimeException e) {
    StatusRuntimeException grpc =
        e instanceof StatusRuntimeException direct
            ? direct
            : e instanceof WorkflowServiceException
                    && e.getCause() instanceof StatusRuntimeException wrapped
                ? wrapped
                : null;
    if (grpc != null) {
      Status.Code code = grpc.getStatus().getCode();
      if (code == Status.Code.UNAVAILABLE || code == Status.Code.DEADLINE_EXCEEDED) {
        return new TemporalUnavailableException(e);
      }
    }
    return e;
  }
}
