package dev.lockbox.workflows.activities;

import dev.lockbox.workflows.model.ApprovalLevel;
import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;
import java.util.List;

/** The customer's directory, as seen by the workflow: who may approve for a subscription. */
@ActivityInterface
public interface DirectoryActivities {

  // Activity types are on the wire, in every history: declared once, here.
  String FIND_APPROVERS = "FindApprovers";
  String FIND_INTERNAL_APPROVERS = "FindInternalApprovers";
  String FIND_APPROVAL_LEVELS = "FindApprovalLevels";

  /**
   * The user ids of the designated approvers (Owner or "Lockbox approver") of the subscription. The
   * workflow keeps this list as its snapshot of who may decide.
   */
  @ActivityMethod(name = FIND_APPROVERS)
  List<String> findApprovers(String tenantId, String subscriptionId);

  /**
   * The tenant's approval levels for the subscription, in the order they approve: how many distinct
   * approvers each needs, and who they are. One level of one approval by any designated approver
   * unless the tenant says otherwise; empty when the subscription is not the tenant's.
   */
  @ActivityMethod(name = FIND_APPROVAL_LEVELS)
  List<ApprovalLevel> findApprovalLevels(String tenantId, String subscriptionId);

  /** The user ids holding a provider-side internal approval role (e.g. support-lead). */
  @ActivityMethod(name = FIND_INTERNAL_APPROVERS)
  List<String> findInternalApprovers(String internalRole);
}
