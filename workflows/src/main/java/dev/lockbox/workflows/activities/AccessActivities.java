package dev.lockbox.workflows.activities;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** The access system. Both calls are idempotent by request id. */
@ActivityInterface
public interface AccessActivities {

  @ActivityMethod
  void grantAccess(AccessGrant grant);

  /** Removes the grant of this request; succeeds when there is none (already revoked). */
  @ActivityMethod
  void revokeAccess(String requestId);
}
