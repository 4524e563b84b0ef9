package dev.lockbox.workflows;

import dev.lockbox.workflows.activities.ReadModelActivities;
import dev.lockbox.workflows.model.LockboxState;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.Workflow;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;

/**
 * Writes the request's states to the read model after the workflow task that reached each of them
 * has completed: an activity is scheduled by the task's commands, so it runs only once the status
 * is in the history. (A local activity runs inside the task; when that task failed or its worker
 * died, the read model showed a status the workflow never reached.) States are written in order, on
 * a workflow thread of its own (from {@link Features#READ_MODEL_WRITES_BATCHED} on, every state
 * waiting in one activity, once a running look-up has answered), so the workflow never waits for
 * the read model and no status change is skipped (the metrics count each one).
 *
 * <p>From {@link Features#READ_MODEL_WRITER_ON_DEMAND} on, that thread ends once nothing waits to
 * be written and the next write starts another: a request waiting for days in the worker's cache
 * then holds one workflow thread, not two.
 */
final class ReadModelWriter {

  private static final Logger log = Workflow.getLogger(ReadModelWriter.class);

  private final ReadModelActivities readModel;
  private final BooleanSupplier lookupRunning;
  private final Queue<LockboxState> unwritten = new ArrayDeque<>();
  private boolean started;
  private boolean running;
  private boolean onDemand;
  private boolean batched;

  /**
   * @param lookupRunning whether the workflow is in a look-up (a local activity, within the current
   *     workflow task): states it reaches next belong in the same write
   */
  ReadModelWriter(ReadModelActivities readModel, BooleanSupplier lookupRunning) {
    this.readModel = readModel;
    this.lookupRunning = lookupRunning;
  }

  /** From {@link Features#READ_MODEL_WRITER_ON_DEMAND} on: a thread only while there is work. */
  void writeOnDemand(boolean onDemand) {
    this.onDemand = onDemand;
  }

  /**
   * From {@link Features#READ_MODEL_WRITES_BATCHED} on: wait out a running look-up, then write all
   * waiting states in one activity.
   */
  void writeBatched(boolean batched) {
    this.batched = batched;
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
      Workflow.await(() -> !unwritten.isEmpty() && !(batched && lookupRunning.getAsBoolean()));
      List<LockboxState> states = batched ? List.copyOf(unwritten) : List.of(unwritten.peek());
      try {
        if (batched) {
          readModel.recordStates(states);
        } else {
          readModel.recordState(states.get(0));
        }
      } catch (ActivityFailure e) {
        // Given up after its retries: the history stays the record, and the read model doctor
        // (or the next status change) repairs the row.
        LockboxState last = states.get(states.size() - 1);
        log.warn(
            "Read model not updated for {} v{}", last.request().requestId(), last.version(), e);
      }
      for (int i = 0; i < states.size(); i++) {
        unwritten.remove(); // only now: idle() means written
      }
    }
    running = false;
  }
}
