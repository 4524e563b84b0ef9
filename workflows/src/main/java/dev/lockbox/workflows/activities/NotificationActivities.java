package dev.lockbox.workflows.activities;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/**
 * Tells people about a request. Delivery is idempotent per (request, notice kind, recipient), so a
 * retried activity never sends a mail twice.
 */
@ActivityInterface
public interface NotificationActivities {

  // Activity types are on the wire, in every history: declared once, here.
  String NOTIFY_APPROVERS = "NotifyApprovers";
  String NOTIFY_REQUESTER = "NotifyRequester";

  /** Error type of a failure that a retry cannot fix (for example SendGrid answered 4xx). */
  String UNDELIVERABLE = "Undeliverable";

  /** Attempts per notification: enough for a provider's hiccup, few enough not to spam. */
  int MAX_ATTEMPTS = 5;

  /** Approval requested, reminder, or break-glass used: to the request's approvers. */
  @ActivityMethod(name = NOTIFY_APPROVERS)
  void notifyApprovers(ApprovalNotice notice);

  /** Approved, denied, expired, revoked: to the engineer who asked. */
  @ActivityMethod(name = NOTIFY_REQUESTER)
  void notifyRequester(RequesterNotice notice);
}
