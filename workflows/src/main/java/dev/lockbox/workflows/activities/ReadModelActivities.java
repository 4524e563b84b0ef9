package dev.lockbox.workflows.activities;

import dev.lockbox.workflows.model.LockboxState;
import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/**
 * Keeps the read model (the table behind listings) in step with the workflow. Runs as a local
 * activity on every status change; idempotent by request id and {@link LockboxState#version()}.
 */
@ActivityInterface
public interface ReadModelActivities {

  // Activity types are on the wire, in every history: declared once, here.
  String RECORD_STATE = "RecordState";

  @ActivityMethod(name = RECORD_STATE)
  void recordState(LockboxState state);
}
