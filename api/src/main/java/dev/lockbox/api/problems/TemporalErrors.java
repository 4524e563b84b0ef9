package dev.lockbox.api.problems;

import io.grpc.Context;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.client.WorkflowException;
import io.temporal.client.WorkflowUpdateTimeoutOrCancelledException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** Turns "Temporal is not reachable" into a 503 problem instead of a 500. */
public final class TemporalErrors {

  /** Fires the deadlines of {@link #callWithin}; one daemon thread for the whole process. */
  private static final ScheduledExecutorService DEADLINES =
      Executors.newSingleThreadScheduledExecutor(
          runnable -> {
            Thread thread = new Thread(runnable, "temporal-call-deadlines");
            thread.setDaemon(true);
            return thread;
          });

  private TemporalErrors() {}

  /** Runs a call to Temporal, translating an unreachable service into a 503. */
  public static <T> T call(Supplier<T> call) {
    try {
      return call.get();
    } catch (WorkflowException | StatusRuntimeException e) {
      throw translate(e);
    }
  }

  /**
   * {@link #call} with a gRPC deadline: the SDK retries an unreachable service for a minute unless
   * the call's context ends sooner, and clients and proxies give up long before that. Every gRPC
   * call made inside, retries included, ends by the deadline.
   */
  public static <T> T callWithin(Duration deadline, Supplier<T> call) {
    Context.CancellableContext context =
        Context.current().withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS, DEADLINES);
    try {
      return context.call(() -> call(call));
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    } finally {
      context.cancel(null);
    }
  }

  public static RuntimeException translate(RuntimeException e) {
    if (e instanceof WorkflowUpdateTimeoutOrCancelledException stillRunning) {
      // The wait for an Update's result ended; Temporal answered all along.
      return stillRunning;
    }
    StatusRuntimeException grpc = grpcStatusIn(e);
    if (grpc != null) {
      Status.Code code = grpc.getStatus().getCode();
      if (code == Status.Code.RESOURCE_EXHAUSTED) {
        return new TemporalBusyException(e);
      }
      if (code == Status.Code.UNAVAILABLE || code == Status.Code.DEADLINE_EXCEEDED) {
        return new TemporalUnavailableException(e);
      }
    }
    return e;
  }

  /** The gRPC status the SDK wrapped, a few causes deep at most (a query wraps it twice). */
  private static StatusRuntimeException grpcStatusIn(Throwable e) {
    for (int depth = 0; e != null && depth < 4; depth++, e = e.getCause()) {
      if (e instanceof StatusRuntimeException grpc) {
        return grpc;
      }
    }
    return null;
  }
}
