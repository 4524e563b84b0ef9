package dev.lockbox.workflows.reconcile;

import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.time.Duration;

/**
 * One pass of the access reconciler: live grants whose request can no longer end them are revoked,
 * granted requests without a live grant are reported. On a real server a Temporal Schedule starts
 * one pass per interval ({@code every} null); where there are no schedules (the in-memory test
 * server) one workflow repeats itself ({@code every} set: pass, sleep, continue-as-new).
 */
@WorkflowInterface
public interface AccessReconcilerWorkflow {

  /** The schedule's id, and the id of the repeating workflow where there are no schedules. */
  String ID = "lockbox-access-reconciler";

  @WorkflowMethod
  void run(Duration every);
}
