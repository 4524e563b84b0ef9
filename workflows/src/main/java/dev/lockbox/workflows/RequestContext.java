package dev.lockbox.workflows;

import dev.lockbox.workflows.activities.NoticeKind;
import dev.lockbox.workflows.model.ApprovalLevel;
import dev.lockbox.workflows.model.DecisionRecord;
import dev.lockbox.workflows.model.JitEvaluation;
import dev.lockbox.workflows.model.LockboxRequest;
import dev.lockbox.workflows.model.LockboxStatus;
import io.temporal.workflow.CancellationScope;
import io.temporal.workflow.Promise;
import io.temporal.workflow.TimerOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/** What every stage of one request shares: its state, activities, notifier and feature versions. */
final class RequestContext {

  final RequestRecord record;
  final LockboxActivityStubs activities;
  final Notifier notifier;
  private final StatusPublisher publisher;
  private Features features;
  private int lookupsRunning;

  RequestContext(RequestRecord record, LockboxActivityStubs activities) {
    this.record = record;
    this.activities = activities;
    this.notifier = new Notifier(record, activities);
    this.publisher = new StatusPublisher(record, activities, () -> lookupsRunning > 0);
  }

  /** Reads the feature versions and publishes the first status; the workflow's first step. */
  Features start() {
    features = Features.current();
    publisher.start(features);
    return features;
  }

  /**
   * Lets the work still under way in the background finish (emails, read model writes), so none of
   * it is abandoned when the workflow closes; also after an operator cancelled the workflow.
   */
  void finishBackground() {
    notifier.finishBackground();
    publisher.flush();
  }

  /** Whether the read model holds every status this request has reached so far. */
  boolean readModelWritten() {
    return publisher.written();
  }

  /** Null before the workflow method has started (a message can arrive first). */
  Features features() {
    return features;
  }

  void moveTo(LockboxStatus next) {
    record.moveTo(next);
    publisher.publishStatusChange();
  }

  /** Shows a change that is not a status (an access end moved) where the Web UI shows status. */
  void refreshDetails() {
    publisher.refreshDetails();
  }

  /** The JIT policy's answer; from {@link Features#LOCAL_LOOKUPS} on, a local activity. */
  JitEvaluation evaluate(LockboxRequest request) {
    return lookup(() -> lookups().policy().evaluateRequest(request));
  }

  /** The tenant's designated approvers of the request's subscription, as the directory says. */
  List<String> findApprovers() {
    return lookup(
        () ->
            lookups()
                .approvers()
                .findApprovers(record.request.tenantId(), record.request.subscriptionId()));
  }

  /** The tenant's approval levels of the request's subscription, as the directory says. */
  List<ApprovalLevel> findApprovalLevels() {
    return lookup(
        () ->
            lookups()
                .approvers()
                .findApprovalLevels(record.request.tenantId(), record.request.subscriptionId()));
  }

  /** The directory's holders of an internal role; from {@link Features#LOCAL_LOOKUPS} on, local. */
  List<String> findInternalApprovers(String role) {
    return lookup(() -> lookups().internalReviewers().findInternalApprovers(role));
  }

  /**
   * Runs a look-up, telling the read model's writer meanwhile (see {@link
   * Features#READ_MODEL_WRITES_BATCHED}): as a local activity it runs within this workflow task, so
   * the status it leads to is written with the one before.
   */
  private <T> T lookup(Supplier<T> call) {
    lookupsRunning++;
    try {
      return call.get();
    } finally {
      lookupsRunning--;
    }
  }

  private LockboxActivityStubs.Lookups lookups() {
    return features.localLookups() ? activities.localLookups : activities.lookups;
  }

  /**
   * Emails the request's approvers; from {@link Features#APPROVER_NOTICES_IN_BACKGROUND} on, in the
   * background.
   */
  void tellApprovers(NoticeKind kind) {
    if (features.approverNoticesInBackground()) {
      notifier.approversInBackground(kind);
    } else {
      notifier.approvers(kind);
    }
  }

  /**
   * Emails the engineer; from {@link Features#REQUESTER_NOTICES_IN_BACKGROUND} on, in the
   * background.
   */
  void tellRequester(NoticeKind kind, DecisionRecord decision) {
    if (!features.notices()) {
      return;
    }
    if (features.requesterNoticesInBackground()) {
      notifier.requesterInBackground(kind, decision);
    } else {
      notifier.requester(kind, decision);
    }
  }

  /**
   * How long before it is due a timer is no longer cancelled. A workflow task's commands reach the
   * server at most one workflow task timeout after the task started (10 s by default; the server
   * caps it at 120 s), and a later completion is refused; so a timer due later than this cannot
   * have fired on the server while the task that cancels it runs. A timer closer to its deadline is
   * left to fire; nothing waits for it any more.
   */
  static final Duration TIMER_STOP_MARGIN = Duration.ofMinutes(2);

  /** A timer of a scope, and the earliest moment the server can fire it. */
  record Due(Promise<Void> timer, Instant at) {}

  /**
   * Runs {@code start}, which starts timers, in a scope of its own that {@link #stopTimers} can
   * stop early. From {@link Features#SAFE_TIMER_STOP} on, the scope is detached: cancelling the
   * workflow sends no CancelTimer for a timer that may have just fired.
   */
  CancellationScope startTimers(Runnable start) {
    CancellationScope scope =
        features.timersStoppedSafely()
            ? Workflow.newDetachedCancellationScope(start)
            : Workflow.newCancellationScope(start);
    scope.run();
    return scope;
  }

  /**
   * Stops timers that are no longer needed. From {@link Features#SAFE_TIMER_STOP} on, only while
   * none of them that this workflow has not seen fire yet is due within {@link #TIMER_STOP_MARGIN}:
   * the server may fire such a timer while this task runs, and cancelling a fired timer is an
   * invalid command on the Java test server. The choice depends on workflow time only, so it
   * replays.
   */
  void stopTimers(CancellationScope scope, Due... timers) {
    if (features.timersStoppedSafely()) {
      Instant tooClose = now().plus(TIMER_STOP_MARGIN);
      for (Due due : timers) {
        if (due.timer() != null && !due.timer().isCompleted() && due.at().isBefore(tooClose)) {
          return;
        }
      }
    }
    scope.cancel();
    for (Due due : timers) {
      if (due.timer() != null) {
        // A stopped timer ends cancelled, as intended: not a failure to report when the run closes.
        due.timer().exceptionally(stopped -> null);
      }
    }
  }

  static Promise<Void> timer(Duration duration, String summary) {
    return Workflow.newTimer(duration, TimerOptions.newBuilder().setSummary(summary).build());
  }

  static Instant now() {
    return Instant.ofEpochMilli(Workflow.currentTimeMillis());
  }
}
