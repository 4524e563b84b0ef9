package dev.lockbox.workflows.activities;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** Tells people about a request. Delivery is idempotent per request and notice kind. */
@ActivityInterface
public interface NotificationActivities {

  /** Error type of a failure that a retry cannot fix (for example SendGrid answered 4xx). */
  String UNDELIVERABLE = "Undeliverable";

  @ActivityMethod
  void notifyApprovers(ApprovalNotice notice);
}
