package dev.lockbox.activities.access;

import dev.lockbox.workflows.activities.AccessActivities;
import dev.lockbox.workflows.activities.AccessGrant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

public class AccessActivitiesImpl implements AccessActivities {

  private static final Logger log = LoggerFactory.getLogger(AccessActivitiesImpl.class);

  private final AccessProvisioner provisioner;

  public AccessActivitiesImpl(AccessProvisioner provisioner) {
    this.provisioner = provisioner;
  }

  @Override
  public void grantAccess(AccessGrant grant) {
    Heartbeats.whileRunning("grant " + grant.requestId(), () -> provisioner.grant(grant));
    log.info(
        "Granted {} on {} to {} for request {} until {}",
        grant.accessLevel(),
        grant.resourceId(),
        grant.principal(),
        grant.requestId(),
        grant.expiresAt());
  }

  @Override
  public void revokeAccess(String requestId) {
    Heartbeats.whileRunning("revoke " + requestId, () -> provisioner.revoke(requestId));
    log.info("Revoked access of request {}", requestId);
  }
}
