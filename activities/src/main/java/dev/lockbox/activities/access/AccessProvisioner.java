package dev.lockbox.activities.access;

import dev.lockbox.workflows.activities.AccessExtension;
import dev.lockbox.workflows.activities.AccessGrant;

/**
 * The access system Lockbox grants and revokes at: the built-in one of the local modes ({@link
 * BuiltInAccessProvisioner}) or a real one reached by a signed webhook ({@code
 * WebhookAccessProvisioner}), chosen by {@code lockbox.access.provisioner}. Both calls are
 * idempotent by request id; a failure is thrown, and the activity's retry policy tries again.
 */
public interface AccessProvisioner {

  /** Gives access until the grant's own expiry; granting the same request again changes nothing. */
  void grant(AccessGrant grant);

  /**
   * Moves the end of the request's live grant to the extension's; a revoked grant stays revoked.
   * Extending again with the same extension changes nothing.
   */
  void extend(AccessExtension extension);

  /** Ends the request's access now; revoking what is already gone succeeds. */
  void revoke(String requestId);
}
