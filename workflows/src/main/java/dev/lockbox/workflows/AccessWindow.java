package dev.lockbox.workflows;

import static dev.lockbox.workflows.model.LockboxStatus.ACCESS_GRANTED;
import static dev.lockbox.workflows.model.LockboxStatus.APPROVED;
import static dev.lockbox.workflows.model.LockboxStatus.COMPLETED;

import dev.lockbox.workflows.activities.AccessExtension;
import dev.lockbox.workflows.activities.AccessGrant;
import dev.lockbox.workflows.activities.NoticeKind;
import dev.lockbox.workflows.model.DecisionKind;
import dev.lockbox.workflows.model.DecisionRecord;
import dev.lockbox.workflows.model.LockboxRequest;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.CancellationScope;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;

/**
 * Granted access: grant, hold for the access window (an early revoke cuts it short), revoke. The
 * revoke retries until it succeeds; after a cancellation it runs in a detached scope.
 */
final class AccessWindow {

  private final RequestContext context;
  private final RequestRecord record;
  private final Extensions extensions;
  private Promise<Void> timer;

  AccessWindow(RequestContext context, Extensions extensions) {
    this.context = context;
    this.record = context.record;
    this.extensions = extensions;
  }

  /** Grants access; the access window runs from this moment. */
  void grant() {
    // The access system enforces the same end, even if this workflow never revokes.
    record.accessGrantedAt = RequestContext.now();
    record.accessExpiresAt = record.accessGrantedAt.plus(record.accessDuration());
    context.activities.grant.grantAccess(accessGrant());
    context.moveTo(ACCESS_GRANTED);
  }

  /**
   * Holds the access until its window ends or someone revokes it early; from {@link
   * Features#EXTENSIONS_AND_QUESTIONS} on, an approved extension moves the end, and the window's
   * timer with it.
   */
  void hold() {
    if (!context.features().extensionsAndQuestions()) {
      holdUntilTheEnd();
      return;
    }
    while (true) {
      Instant dueAt = holdUntil();
      CancellationScope window =
          context.startTimers(
              () ->
                  timer =
                      RequestContext.timer(
                          Duration.between(RequestContext.now(), dueAt), "access window"));
      Workflow.await(
          () ->
              record.revocation != null
                  || timer.isCompleted()
                  || extensions.awaitingGrant() != null);
      ExtensionRound approved = extensions.awaitingGrant();
      if (record.revocation == null && approved != null) {
        // Approved before this task saw the timer: the approval wins, as the request's own does.
        context.stopTimers(window, new RequestContext.Due(timer, dueAt));
        extend(approved);
        continue;
      }
      endWindow(window, dueAt);
      extensions.endWithAccess();
      return;
    }
  }

  /** Whether the access window's timer has fired: access ends whatever the status says yet. */
  boolean windowElapsed() {
    return timer != null && timer.isCompleted();
  }

  private Instant holdUntil() {
    Instant now = RequestContext.now();
    return record.accessExpiresAt.isBefore(now) ? now : record.accessExpiresAt;
  }

  /**
   * The access system takes the new end first, then the window follows it. It is given until the
   * old end (at least {@link #EXTEND_AT_LEAST}, at most {@link #EXTEND_AT_MOST}): an access system
   * that cannot extend never holds the revoke up, and the extension fails.
   */
  private void extend(ExtensionRound extension) {
    Instant end = record.accessExpiresAt.plus(extension.ask.duration());
    try {
      LockboxActivityStubs.extendWithin(extendBudget())
          .extendAccess(new AccessExtension(record.request.requestId(), extension.id, end));
    } catch (ActivityFailure notExtended) {
      extensions.failed(extension, Notifier.rootMessage(notExtended));
      return;
    }
    record.accessExpiresAt = end;
    extensions.granted(extension, end);
    context.refreshDetails();
  }

  static final Duration EXTEND_AT_LEAST = Duration.ofSeconds(5);
  static final Duration EXTEND_AT_MOST = Duration.ofMinutes(5);

  private Duration extendBudget() {
    Duration left = Duration.between(RequestContext.now(), record.accessExpiresAt);
    if (left.compareTo(EXTEND_AT_LEAST) < 0) {
      return EXTEND_AT_LEAST;
    }
    return left.compareTo(EXTEND_AT_MOST) > 0 ? EXTEND_AT_MOST : left;
  }

  private void endWindow(CancellationScope window, Instant dueAt) {
    if (record.revocation == null) {
      record.revocation =
          DecisionRecord.bySystem(
              DecisionKind.REVOKE, "access window ended", record.accessExpiresAt);
    } else {
      context.stopTimers(window, new RequestContext.Due(timer, dueAt));
    }
  }

  /** Before extensions: one timer for the window as granted. */
  private void holdUntilTheEnd() {
    Duration left = Duration.between(RequestContext.now(), record.accessExpiresAt);
    Duration hold = left.isNegative() ? Duration.ZERO : left;
    Instant dueAt = RequestContext.now().plus(hold);
    CancellationScope window =
        context.startTimers(() -> timer = RequestContext.timer(hold, "access window"));
    Workflow.await(() -> record.revocation != null || timer.isCompleted());
    if (record.revocation == null) {
      record.revocation =
          DecisionRecord.bySystem(
              DecisionKind.REVOKE, "access window ended", record.accessExpiresAt);
    } else {
      context.stopTimers(window, new RequestContext.Due(timer, dueAt));
    }
  }

  /** Revokes the access and tells the requester: the request is complete. */
  void revoke() {
    revokeAtAccessSystem();
    context.moveTo(COMPLETED);
    context.tellRequester(NoticeKind.REVOKED, record.revocation);
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
      record.revocation =
          DecisionRecord.bySystem(DecisionKind.REVOKE, reason, RequestContext.now());
    }
    revokeAtAccessSystem();
  }

  private void revokeAtAccessSystem() {
    context.activities.revoke.revokeAccess(record.request.requestId());
    record.revokedAt = RequestContext.now();
  }

  private AccessGrant accessGrant() {
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
