package dev.lockbox.workflows;

import dev.lockbox.workflows.activities.ReadModelActivities;
import dev.lockbox.workflows.model.LockboxState;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.Workflow;
import java.util.ArrayDeque;
import java.util.Queue;
import org.slf4j.Logger;

/**
 * Writes the request's states to the read model after the workflow task that reached each of them
 * has completed: an activity is scheduled by the task's commands, so it runs only once the status
 * is in the history. (A local activity runs inside the task; when that task failed or its worker
 * died, the read model showed a status the workflow never reached.) States are written one at a
 * time in order, on a workflow thread of its own, so the workflow never waits for the read model
 * and no status change is skipped (the metrics count each one).
 *
 * <p>From {@link Features#READ_MODEL_WRITER_ON_DEMAND} on, that thread ends once nothing waits to
 * be written and the next write starts another: a request waiting for days in the worker's cache
 * then holds one workflow thread, not two.
 */
final class ReadModelWriter {

  private static final Logger log = Workflow.getLogger(ReadModelWriter.class);

  private final ReadModelActivities readModel;
  private final Queue<LockboxState> unwritten = new ArrayDeque<>();
  private boolean started;
  private boolean running;
  private boolean onDemand;

  ReadModelWriter(ReadModelActivities readModel) {
    this.readModel = readModel;
  }

  /** From {@link Features#READ_MODEL_WRITER_ON_DEMAND} on: a thread only while there is work. */
  void writeOnDemand(boolean onDemand) {
    this.onDemand = onDemand;
  }

  void write(LockboxState state) {
    unwritten.add(state);
    if (!running) {
      started = true;
      running = true;
      // Detached: an operator's cancel of the workflow must not cancel the writes of its end.
      Workflow.newDetachedCancellationScope(() -> Async.procedure(this::writeInOrder)).run();
    }
  }

  /** Whether every state handed to {@link #write} is in the read model (or was given up on). */
  boolean idle() {
    return unwritten.isEmpty(); // a state leaves the queue once it is written
  }

  /** Waits until every state so far is written; also after the workflow was cancelled. */
  void flush() {
    if (started) {
      Workflow.newDetachedCancellationScope(() -> Workflow.await(this::idle)).run();
    }
  }

  private void writeInOrder() {
    while (!onDemand || !unwritten.isEmpty()) {
      Workflow.await(() -> !unwritten.isEmpty());
      LockboxState state = unwritten.peek();
      try {
        readModel.recordState(state);
      } catch (ActivityFailure e) {
        // Given up after its retries: the history stays the record, and the read model doctor
        // (or the next status change) repairs the row.
        log.warn(
            "Read model not updated for {} v{}", state.request().requestId(), state.version(), e);
      }
      unwritten.remove();
    }
    running = false;
  }
}
