package dev.lockbox.workflows;

import dev.lockbox.workflows.activities.NoticeKind;
import dev.lockbox.workflows.model.DecisionRecord;
import dev.lockbox.workflows.model.LockboxStatus;
import io.temporal.workflow.Promise;
import io.temporal.workflow.TimerOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** What every stage of one request shares: its state, activities, notifier and feature versions. */
final class RequestContext {

  final RequestRecord record;
  final LockboxActivityStubs activities;
  final Notifier notifier;
  private final StatusPublisher publisher;
  private Features features;

  RequestContext(RequestRecord record, LockboxActivityStubs activities) {
    this.record = record;
    this.activities = activities;
    this.notifier = new Notifier(record, activities);
    this.publisher = new StatusPublisher(record, activities.readModel);
  }

  /** Reads the feature versions and publishes the first status; the workflow's first step. */
  Features start() {
    features = Features.current();
    publisher.publish();
    return features;
  }

  /** Null before the workflow method has started (a message can arrive first). */
  Features features() {
    return features;
  }

  void moveTo(LockboxStatus next) {
    record.moveTo(next);
    publisher.publishStatusChange();
  }

  /** The tenant's designated approvers of the request's subscription, as the directory says. */
  List<String> findApprovers() {
    return activities.approvers.findApprovers(
        record.request.tenantId(), record.request.subscriptionId());
  }

  void tellRequester(NoticeKind kind, DecisionRecord decision) {
    if (features.notices()) {
      notifier.requester(kind, decision);
    }
  }

  static Promise<Void> timer(Duration duration, String summary) {
    return Workflow.newTimer(duration, TimerOptions.newBuilder().setSummary(summary).build());
  }

  static Instant now() {
    return Instant.ofEpochMilli(Workflow.currentTimeMillis());
  }
}
