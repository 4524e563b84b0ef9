package dev.lockbox.workflows.activities;

import dev.lockbox.workflows.model.LockboxState;
import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

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

  @ActivityMethod(name = RECORD_STATE)
  void recordState(LockboxState state);
}
