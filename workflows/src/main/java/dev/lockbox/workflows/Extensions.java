package dev.lockbox.workflows;

import static dev.lockbox.workflows.LockboxErrors.INVALID_DECISION;
import static dev.lockbox.workflows.LockboxErrors.NOT_ALLOWED;
import static dev.lockbox.workflows.LockboxErrors.NOT_IN_EXPECTED_STATUS;
import static dev.lockbox.workflows.LockboxErrors.NO_SUCH_ITEM;
import static dev.lockbox.workflows.model.LockboxStatus.ACCESS_GRANTED;

import dev.lockbox.workflows.RequestContext.Due;
import dev.lockbox.workflows.activities.NoticeKind;
import dev.lockbox.workflows.model.Decision;
import dev.lockbox.workflows.model.DecisionKind;
import dev.lockbox.workflows.model.DecisionRecord;
import dev.lockbox.workflows.model.ExtensionDecision;
import dev.lockbox.workflows.model.ExtensionRequest;
import dev.lockbox.workflows.model.ExtensionStatus;
import dev.lockbox.workflows.model.LockboxState;
import io.temporal.failure.CanceledFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.CancellationScope;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;

/**
 * The engineer's requests for more access time (from {@link Features#EXTENSIONS_AND_QUESTIONS} on).
 * One at a time, while access is granted; the tenant's approvers decide as they did the request
 * (the same levels, distinct approvers, never the requester, one deny ends it) within the
 * extension's own approval window, which never outlasts the access. The policy caps the time all
 * extensions of a request may add. Approved, {@link AccessWindow} moves the end; denied or
 * unanswered, the end stays.
 */
final class Extensions {

  /** Extensions per request: each emails the approvers, so asking again and again has an end. */
  static final int MAX_EXTENSIONS = 10;

  private final RequestContext context;
  private final RequestRecord record;

  Extensions(RequestContext context) {
    this.context = context;
    this.record = context.record;
  }

  void validateRequest(ExtensionRequest ask, boolean accessEnded) {
    requireFeature();
    requireAccessGranted(accessEnded, "more time can only be asked for while access is granted");
    if (!record.isRequester(ask.actor())) {
      throw NOT_ALLOWED.failure(
          "only the engineer who holds the access may ask for more time", record.status);
    }
    if (!record.round.hasLevels()) {
      throw NOT_IN_EXPECTED_STATUS.failure(
          "this access was granted without the customer's approval (break-glass, or no customer"
              + " data); ask for a new request instead",
          record.status);
    }
    ExtensionRound pending = pending();
    if (pending != null) {
      throw NOT_IN_EXPECTED_STATUS.failure(
          "extension " + pending.id + " still waits for a decision", record.status);
    }
    if (record.extensions.size() >= MAX_EXTENSIONS) {
      throw NOT_IN_EXPECTED_STATUS.failure(
          "this request was extended "
              + MAX_EXTENSIONS
              + " times already; ask for a new request instead",
          record.status);
    }
    requireWithinCap(ask.duration());
    if (ask.reason() == null || ask.reason().isBlank()) {
      throw INVALID_DECISION.failure("an extension needs a reason", record.status);
    }
  }

  /** Records the extension and asks its first level's approvers, on a thread of its own. */
  LockboxState request(ExtensionRequest ask) {
    Instant now = RequestContext.now();
    ExtensionRound extension =
        new ExtensionRound("e" + (record.extensions.size() + 1), ask, now, deadline(now), record);
    extension.round.levels = record.round.levels;
    record.extensions.add(extension);
    Async.procedure(() -> awaitDecision(extension));
    return record.snapshot();
  }

  void validateDecision(ExtensionDecision message, boolean approving, boolean accessEnded) {
    requireFeature();
    ExtensionRound extension = find(message.extensionId());
    if (extension.status != ExtensionStatus.PENDING
        || extension.decision != null
        || extension.timedOut()) {
      throw NOT_IN_EXPECTED_STATUS.failure(
          "extension "
              + extension.id
              + " is "
              + (extension.timedOut() ? ExtensionStatus.EXPIRED : extension.status)
              + " and no longer waits for a decision",
          record.status);
    }
    requireAccessGranted(accessEnded, "access has ended; its extensions can no longer be decided");
    Decision decision = message.decision();
    if (approving) {
      extension.quorum.validate(decision);
    } else {
      Validators.requireApprover(record, decision);
    }
    if (decision.approvedDuration() != null) {
      throw INVALID_DECISION.failure(
          "approvedDuration is not possible on an extension: approve or deny the time asked for",
          record.status);
    }
  }

  /**
   * Counts an approval. The one that completes the last level returns once the access end has
   * moved; one that completes an earlier level once the next level has been asked.
   */
  LockboxState approve(ExtensionDecision message) {
    ExtensionRound extension = find(message.extensionId());
    int level = extension.round.level;
    if (extension.quorum.count(message.decision(), RequestContext.now())) {
      extension.decision = extension.quorum.lastApproval();
      Workflow.await(() -> extension.status != ExtensionStatus.PENDING);
    } else if (extension.quorum.nextLevelDue()) {
      Workflow.await(
          () -> extension.round.level != level || extension.status != ExtensionStatus.PENDING);
    }
    return record.snapshot();
  }

  LockboxState deny(ExtensionDecision message) {
    ExtensionRound extension = find(message.extensionId());
    extension.decision =
        DecisionRecord.of(DecisionKind.DENY, message.decision(), RequestContext.now());
    extension.status = ExtensionStatus.DENIED;
    tellRequester(NoticeKind.EXTENSION_DENIED, extension);
    return record.snapshot();
  }

  /** The extension whose last approval is in and whose new end the access system must get. */
  ExtensionRound awaitingGrant() {
    return record.extensions.stream()
        .filter(ExtensionRound::awaitingGrant)
        .findFirst()
        .orElse(null);
  }

  /** The access system has the new end: the extension is approved. */
  void granted(ExtensionRound extension, Instant accessExpiresAt) {
    extension.accessExpiresAt = accessExpiresAt;
    extension.status = ExtensionStatus.APPROVED;
    tellRequester(NoticeKind.EXTENSION_APPROVED, extension);
  }

  /** Approved, but the access system did not take the new end: the old end holds. */
  void failed(ExtensionRound extension, String why) {
    extension.status = ExtensionStatus.FAILED;
    extension.decision =
        DecisionRecord.bySystem(
            DecisionKind.EXPIRE,
            "approved by "
                + extension.decision.actor()
                + ", but the access system did not take the new end: "
                + why,
            RequestContext.now());
    tellRequester(NoticeKind.EXTENSION_FAILED, extension);
  }

  /** Access has ended: an extension still pending can no longer be granted. */
  void endWithAccess() {
    for (ExtensionRound extension : record.extensions) {
      if (extension.status == ExtensionStatus.PENDING) {
        expire(extension, "access ended before the extension was granted");
      }
    }
  }

  /** Asks each level in turn until a decision, the extension's deadline or the end of access. */
  private void awaitDecision(ExtensionRound extension) {
    Duration window = Duration.between(extension.requestedAt, extension.expiresAt);
    CancellationScope timers =
        context.startTimers(
            () ->
                extension.timer =
                    RequestContext.timer(window, "extension " + extension.id + " approval window"));
    askLevel(extension);
    try {
      while (!settled(extension)) {
        extension.quorum.nextLevel();
        askLevel(extension);
      }
    } catch (CanceledFailure workflowCanceled) {
      return; // an operator canceled the workflow: the access ends, and with it the extension
    }
    if (extension.decision != null) {
      context.stopTimers(timers, new Due(extension.timer, extension.expiresAt));
    } else if (extension.status == ExtensionStatus.PENDING) {
      expire(extension, "nobody decided within the extension's approval window");
      tellRequester(NoticeKind.EXTENSION_EXPIRED, extension);
    }
  }

  /** Waits; false when the next level is due to be asked, true when the extension is settled. */
  private boolean settled(ExtensionRound extension) {
    Workflow.await(
        () ->
            extension.decision != null
                || extension.timedOut()
                || extension.status != ExtensionStatus.PENDING
                || extension.quorum.nextLevelDue());
    return extension.decision != null
        || extension.timedOut()
        || extension.status != ExtensionStatus.PENDING;
  }

  private void askLevel(ExtensionRound extension) {
    context.notifier.approversInBackground(
        NoticeKind.EXTENSION_REQUESTED,
        extension.round.currentApprovers(),
        null,
        extension.snapshot());
  }

  private void expire(ExtensionRound extension, String reason) {
    extension.decision = DecisionRecord.bySystem(DecisionKind.EXPIRE, reason, RequestContext.now());
    extension.status = ExtensionStatus.EXPIRED;
  }

  private void tellRequester(NoticeKind kind, ExtensionRound extension) {
    context.notifier.requesterInBackground(kind, extension.decision, null, extension.snapshot());
  }

  /** Its own approval window, and never past the access end it asks to move. */
  private Instant deadline(Instant now) {
    Duration window = record.request.extensionApprovalWindow();
    Instant own = window == null ? record.accessExpiresAt : now.plus(window);
    return own.isBefore(record.accessExpiresAt) ? own : record.accessExpiresAt;
  }

  private void requireWithinCap(Duration asked) {
    if (asked == null || asked.isZero() || asked.isNegative()) {
      throw INVALID_DECISION.failure("an extension needs a positive duration", record.status);
    }
    Duration cap = record.jit.maxTotalExtension();
    Duration approved =
        record.extensions.stream()
            .filter(e -> e.status == ExtensionStatus.APPROVED)
            .map(e -> e.ask.duration())
            .reduce(Duration.ZERO, Duration::plus);
    if (cap == null || approved.plus(asked).compareTo(cap) > 0) {
      throw INVALID_DECISION.failure(
          "the policy allows at most "
              + (cap == null ? Duration.ZERO : cap)
              + " of extensions per request; "
              + approved
              + " are approved already, so "
              + asked
              + " more is too much",
          record.status);
    }
  }

  private void requireAccessGranted(boolean accessEnded, String message) {
    if (accessEnded || record.status != ACCESS_GRANTED || record.revocation != null) {
      throw NOT_IN_EXPECTED_STATUS.failure(
          message + "; the request is " + record.status, record.status);
    }
  }

  private ExtensionRound pending() {
    return record.extensions.stream()
        .filter(e -> e.status == ExtensionStatus.PENDING)
        .findFirst()
        .orElse(null);
  }

  private ExtensionRound find(String extensionId) {
    return record.extensions.stream()
        .filter(e -> e.id.equals(extensionId))
        .findFirst()
        .orElseThrow(
            () ->
                NO_SUCH_ITEM.failure(
                    "this request has no extension " + extensionId, record.status));
  }

  private void requireFeature() {
    if (context.features() == null || !context.features().extensionsAndQuestions()) {
      throw NOT_IN_EXPECTED_STATUS.failure(
          "this request was made before extensions existed", record.status);
    }
  }
}
