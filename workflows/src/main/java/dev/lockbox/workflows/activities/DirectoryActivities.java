package dev.lockbox.workflows.activities;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;
import java.util.List;

/** The customer's directory, as seen by the workflow: who may approve for a subscription. */
@ActivityInterface
public interface DirectoryActivities {

  // Activity types are on the wire, in every history: declared once, here.
  String FIND_APPROVERS = "FindApprovers";
  String FIND_INTERNAL_APPROVERS = "FindInternalApprovers";

  /**
   * The user ids of the designated approvers (Owner or "Lockbox approver") of the subscription. The
   * workflow keeps this list as its snapshot of who may decide.
   */
  @ActivityMethod(name = FIND_APPROVERS)
  List<String> findApprovers(String tenantId, String subscriptionId);

  /** The user ids holding a provider-side internal approval role (e.g. support-lead). */
  @ActivityMethod(name = FIND_INTERNAL_APPROVERS)
  List<String> findInternalApprovers(String internalRole);
}
