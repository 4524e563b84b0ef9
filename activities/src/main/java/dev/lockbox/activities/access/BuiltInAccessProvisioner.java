package dev.lockbox.activities.access;

import dev.lockbox.readmodel.AccessGrantRepository;
import dev.lockbox.workflows.activities.AccessExtension;
import dev.lockbox.workflows.activities.AccessGrant;

/**
 * The access system of the local modes: grants in the read model's database (table {@code
 * access_grant}), answered to gateways by {@code GET /api/access/check}. A grant gives access until
 * its own expiry even if nobody revokes it.
 */
public class BuiltInAccessProvisioner implements AccessProvisioner {

  private final AccessGrantRepository grants;

  public BuiltInAccessProvisioner(AccessGrantRepository grants) {
    this.grants = grants;
  }

  @Override
  public void grant(AccessGrant grant) {
    grants.grant(grant);
  }

  @Override
  public void extend(AccessExtension extension) {
    grants.extend(extension.requestId(), extension.expiresAt());
  }

  @Override
  public void revoke(String requestId) {
    grants.revoke(requestId);
  }
}
