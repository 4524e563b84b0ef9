package dev.lockbox.workflows.reconcile;

import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;

public class AccessReconcilerWorkflowImpl implements AccessReconcilerWorkflow {

  private final ReconcilerActivities activities =
      Workflow.newActivityStub(
          ReconcilerActivities.class,
          ActivityOptions.newBuilder()
              .setStartToCloseTimeout(Duration.ofMinutes(5))
              .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(3).build())
              .setSummary("Revoke orphaned grants, report missing ones")
              .build());

  @Override
  public void run(Duration every) {
    ReconcileReport report = activities.reconcileAccess();
    Workflow.getLogger(AccessReconcilerWorkflowImpl.class)
        .info(
            "Access reconciled: {} orphaned grants revoked, {} granted requests without a grant",
            report.orphaned().size(),
            report.missing().size());
    if (every != null) {
      Workflow.sleep(every);
      Workflow.continueAsNew(every);
    }
  }
}
