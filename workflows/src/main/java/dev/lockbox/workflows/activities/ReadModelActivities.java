package dev.lockbox.workflows.activities;

import dev.lockbox.workflows.model.LockboxState;
import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;
import java.util.List;

/**
 * Keeps the read model (the table behind listings) in step with the workflow: called on every
 * status change, as an activity after the workflow task that reached it (as a local activity within
 * the task in workflows started before {@code read-model-after-commit}); idempotent by request id
 * and {@link LockboxState#version()}.
 */
@ActivityInterface
public interface ReadModelActivities {

  // Activity types are on the wire, in every history: declared once, here.
  String RECORD_STATE = "RecordState";
  String RECORD_STATES = "RecordStates";

  @ActivityMethod(name = RECORD_STATE)
  void recordState(LockboxState state);

  /**
   * Several states, oldest first, in one call: those one workflow task reached together (from
   * {@code read-model-writes-batched} on). Each is written and counted as {@link #recordState}
   * would, so a retry after a partial write counts nothing twice.
   */
  @ActivityMethod(name = RECORD_STATES)
  void recordStates(List<LockboxState> states);
}
