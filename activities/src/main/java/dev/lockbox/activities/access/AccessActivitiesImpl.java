package dev.lockbox.activities.access;

import dev.lockbox.workflows.activities.AccessActivities;
import dev.lockbox.workflows.activities.AccessExtension;
import dev.lockbox.workflows.activities.AccessGrant;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

public class AccessActivitiesImpl implements AccessActivities {

  private static final Logger log = LoggerFactory.getLogger(AccessActivitiesImpl.class);

  private final AccessProvisioner provisioner;
  private final Consumer<String> failedCall;

  /**
   * @param failedCall told {@code "grant"} or {@code "revoke"} for each attempt the access system
   *     failed (the metric that alerts while a revoke keeps retrying)
   */
  public AccessActivitiesImpl(AccessProvisioner provisioner, Consumer<String> failedCall) {
    this.provisioner = provisioner;
    this.failedCall = failedCall;
  }

  @Override
  public void grantAccess(AccessGrant grant) {
    attempt("grant", grant.requestId(), () -> provisioner.grant(grant));
    log.info(
        "Granted {} on {} to {} for request {} until {}",
        grant.accessLevel(),
        grant.resourceId(),
        grant.principal(),
        grant.requestId(),
        grant.expiresAt());
  }

  @Override
  public void extendAccess(AccessExtension extension) {
    attempt("extend", extension.requestId(), () -> provisioner.extend(extension));
    log.info(
        "Extended access of request {} until {} ({})",
        extension.requestId(),
        extension.expiresAt(),
        extension.extensionId());
  }

  @Override
  public void revokeAccess(String requestId) {
    attempt("revoke", requestId, () -> provisioner.revoke(requestId));
    log.info("Revoked access of request {}", requestId);
  }

  private void attempt(String call, String requestId, Runnable action) {
    try {
      Heartbeats.whileRunning(call + " " + requestId, action);
    } catch (RuntimeException e) {
      failedCall.accept(call);
      log.warn(
          "The access system failed the {} of request {} (retried): {}",
          call,
          requestId,
          e.toString());
      throw e;
    }
  }
}
