package dev.lockbox.workflows.activities;

import dev.lockbox.workflows.model.JitEvaluation;
import dev.lockbox.workflows.model.LockboxRequest;
import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** The JIT policy: decides whether a request needs the customer, may go ahead, or is refused. */
@ActivityInterface
public interface PolicyActivities {

  // Activity types are on the wire, in every history: declared once, here.
  String EVALUATE_REQUEST = "EvaluateRequest";

  @ActivityMethod(name = EVALUATE_REQUEST)
  JitEvaluation evaluateRequest(LockboxRequest request);
}
