package dev.lockbox.workflows.activities;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** The access system. Both calls are idempotent by request id. */
@ActivityInterface
public interface AccessActivities {

  // Activity types are on the wire, in every history: declared once, here.
  String GRANT_ACCESS = "GrantAccess";
  String REVOKE_ACCESS = "RevokeAccess";
  String EXTEND_ACCESS = "ExtendAccess";

  @ActivityMethod(name = GRANT_ACCESS)
  void grantAccess(AccessGrant grant);

  /**
   * Moves the end of a live grant to the extension's; never reopens a revoked grant. Retrying the
   * same extension changes nothing.
   */
  @ActivityMethod(name = EXTEND_ACCESS)
  void extendAccess(AccessExtension extension);

  /** Removes the grant of this request; succeeds when there is none (already revoked). */
  @ActivityMethod(name = REVOKE_ACCESS)
  void revokeAccess(String requestId);
}
