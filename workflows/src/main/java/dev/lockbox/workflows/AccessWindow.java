package dev.lockbox.workflows;

import static dev.lockbox.workflows.model.LockboxStatus.ACCESS_GRANTED;
import static dev.lockbox.workflows.model.LockboxStatus.APPROVED;
import static dev.lockbox.workflows.model.LockboxStatus.COMPLETED;

import dev.lockbox.workflows.activities.AccessGrant;
import dev.lockbox.workflows.activities.NoticeKind;
import dev.lockbox.workflows.model.DecisionKind;
import dev.lockbox.workflows.model.DecisionRecord;
import dev.lockbox.workflows.model.LockboxRequest;
import io.temporal.workflow.CancellationScope;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.time.Duration;

/**
 * Granted access: grant, hold for the access window (an early revoke cuts it short), revoke. The
 * revoke retries until it succeeds; after a cancellation it runs in a detached scope.
 */
final class AccessWindow {

  private final RunContext run;
  private final RequestRecord record;
  private Promise<Void> timer;

  AccessWindow(RunContext run) {
    this.run = run;
    this.record = run.record;
  }

  void hold(Runnable afterGrant) {
    // The window runs from the moment the grant is issued; the access system enforces the same end.
    record.accessGrantedAt = RunContext.now();
    record.accessExpiresAt = record.accessGrantedAt.plus(record.request.accessDuration());
    run.activities.grant.grantAccess(grant());
    run.moveTo(ACCESS_GRANTED);
    afterGrant.run();
    Duration left = Duration.between(RunContext.now(), record.accessExpiresAt);
    CancellationScope window =
        Workflow.newCancellationScope(
            () ->
                timer =
                    RunContext.timer(left.isNegative() ? Duration.ZERO : left, "access window"));
    window.run();
    Workflow.await(() -> record.revocation != null || timer.isCompleted());
    if (record.revocation == null) {
      record.revocation =
          DecisionRecord.bySystem(
              DecisionKind.REVOKE, "access window ended", record.accessExpiresAt);
    } else {
      window.cancel();
    }
    revoke();
    run.moveTo(COMPLETED);
    run.tellRequester(NoticeKind.REVOKED, record.revocation);
  }

  /**
   * After an operator cancelled the workflow: revoke whatever may have been granted (revoking is
   * idempotent, so also when the grant may not have finished).
   */
  void revokeAfterCancellation(String reason) {
    if (record.status != APPROVED && record.status != ACCESS_GRANTED) {
      return;
    }
    if (record.revocation == null) {
      record.revocation = DecisionRecord.bySystem(DecisionKind.REVOKE, reason, RunContext.now());
    }
    revoke();
  }

  private void revoke() {
    run.activities.revoke.revokeAccess(record.request.requestId());
    record.revokedAt = RunContext.now();
  }

  private AccessGrant grant() {
    LockboxRequest r = record.request;
    return new AccessGrant(
        r.requestId(),
        r.requester(),
        r.tenantId(),
        r.subscriptionId(),
        r.resourceType(),
        r.resourceId(),
        r.accessLevel(),
        record.accessExpiresAt);
  }
}
