package dev.lockbox.benchmark;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.UpdateMethod;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * The baseline: a trivial workflow that, like a Lockbox request, stays open and answers a query and
 * an Update, with no activities, timers or search attributes.
 */
@WorkflowInterface
public interface BareWorkflow {

  @WorkflowMethod
  void run(String input);

  @QueryMethod
  String status();

  @UpdateMethod
  String approve(String comment);

  /**
   * Answers once the create's steps have run (at once for the trivial workflow): what Lockbox's
   * create waits on with Update-with-Start.
   */
  @UpdateMethod
  String awaitSettled();

  /** Waits forever (until the server is closed), as a pending request waits for its decision. */
  class Impl implements BareWorkflow {
    private String status = "PENDING";

    @Override
    public void run(String input) {
      Workflow.await(() -> false);
    }

    @Override
    public String status() {
      return status;
    }

    @Override
    public String approve(String comment) {
      status = "APPROVED";
      return status;
    }

    @Override
    public String awaitSettled() {
      return status;
    }
  }
}
