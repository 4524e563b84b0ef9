package dev.lockbox.workflows.activities;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;
import java.util.List;

/** The customer's directory, as seen by the workflow: who may approve for a subscription. */
@ActivityInterface
public interface DirectoryActivities {

  /**
   * The user ids of the designated approvers (Owner or "Lockbox approver") of the subscription. The
   * workflow keeps this list as its snapshot of who may decide.
   */
  @ActivityMethod
  List<String> findApprovers(String tenantId, String subscriptionId);

  /** The user ids holding a provider-side internal approval role (e.g. support-lead). */
  @ActivityMethod
  List<String> findInternalApprovers(String internalRole);
}
