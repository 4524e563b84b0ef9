package dev.lockbox.workflows;

import dev.lockbox.workflows.activities.ApprovalNotice;
import dev.lockbox.workflows.activities.NoticeKind;
import dev.lockbox.workflows.activities.NotificationActivities;
import dev.lockbox.workflows.activities.RequesterNotice;
import dev.lockbox.workflows.model.DecisionRecord;
import dev.lockbox.workflows.model.Extension;
import dev.lockbox.workflows.model.NotificationRecord;
import dev.lockbox.workflows.model.Question;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;

/**
 * Sends notifications and records the outcome in the request's state. A lost email never blocks the
 * request: approvers can still find it in the portal, and the failure shows in the state.
 */
final class Notifier {

  private static final Logger log = Workflow.getLogger(Notifier.class);

  private final RequestRecord record;
  private final NotificationActivities approverMail;
  private final NotificationActivities requesterMail;
  private final List<Promise<Void>> inBackground = new ArrayList<>();

  Notifier(RequestRecord record, LockboxActivityStubs activities) {
    this.record = record;
    this.approverMail = activities.approverMail;
    this.requesterMail = activities.requesterMail;
  }

  void approvers(NoticeKind kind) {
    ApprovalNotice notice = approvalNotice(kind);
    send(kind, notice.approvers(), () -> approverMail.notifyApprovers(notice));
  }

  /**
   * {@link #approvers} on a workflow thread of its own: the caller goes on (to wait for the
   * decision) while the email is sent and retried. The notice is taken now, as the request stands.
   */
  void approversInBackground(NoticeKind kind) {
    ApprovalNotice notice = approvalNotice(kind);
    inBackground.add(
        Async.procedure(
            () -> send(kind, notice.approvers(), () -> approverMail.notifyApprovers(notice))));
  }

  /**
   * A question answered or an extension asked for, to these approvers, in the background: the
   * notice is taken now, as the request stands.
   */
  void approversInBackground(
      NoticeKind kind, List<String> to, Question question, Extension extension) {
    ApprovalNotice notice =
        new ApprovalNotice(
            record.request,
            record.jit,
            to,
            extension != null ? extension.expiresAt() : record.expiresAt,
            kind,
            extension != null ? extension.approval() : record.snapshot().approval(),
            question,
            extension);
    inBackground.add(
        Async.procedure(() -> send(kind, to, () -> approverMail.notifyApprovers(notice))));
  }

  /**
   * Waits for the emails still being sent in the background, so they are not abandoned when the
   * workflow closes; also after an operator cancelled the workflow (then they end cancelled, and
   * {@link #send} records them as not delivered).
   */
  void finishBackground() {
    if (inBackground.isEmpty()) {
      return;
    }
    Workflow.newDetachedCancellationScope(() -> inBackground.forEach(Notifier::awaitSent)).run();
  }

  private static void awaitSent(Promise<Void> email) {
    try {
      email.get();
    } catch (CanceledFailure canceledBeforeItStarted) {
      // The workflow was cancelled before this email was scheduled: there is nothing to wait for.
    }
  }

  private ApprovalNotice approvalNotice(NoticeKind kind) {
    // With approval levels, each level's approvers hear of the request when their level is asked.
    List<String> to =
        !record.round.hasLevels() || kind == NoticeKind.BREAK_GLASS_USED
            ? record.approvers
            : record.round.currentApprovers();
    return new ApprovalNotice(
        record.request, record.jit, to, record.expiresAt, kind, record.snapshot().approval());
  }

  void requester(NoticeKind kind, DecisionRecord decision) {
    RequesterNotice notice = requesterNotice(kind, decision);
    send(kind, List.of(record.request.requester()), () -> requesterMail.notifyRequester(notice));
  }

  /** {@link #requester} on a workflow thread of its own, the notice taken as the request stands. */
  void requesterInBackground(NoticeKind kind, DecisionRecord decision) {
    RequesterNotice notice = requesterNotice(kind, decision);
    List<String> to = List.of(record.request.requester());
    inBackground.add(
        Async.procedure(() -> send(kind, to, () -> requesterMail.notifyRequester(notice))));
  }

  /** A question or an extension's outcome, to the engineer, in the background. */
  void requesterInBackground(
      NoticeKind kind, DecisionRecord decision, Question question, Extension extension) {
    RequesterNotice notice =
        new RequesterNotice(
            record.request,
            kind,
            decision,
            record.accessGrantedAt,
            record.accessExpiresAt,
            record.snapshot().approval(),
            question,
            extension);
    List<String> to = List.of(record.request.requester());
    inBackground.add(
        Async.procedure(() -> send(kind, to, () -> requesterMail.notifyRequester(notice))));
  }

  private RequesterNotice requesterNotice(NoticeKind kind, DecisionRecord decision) {
    return new RequesterNotice(
        record.request,
        kind,
        decision,
        record.accessGrantedAt,
        record.accessExpiresAt,
        record.snapshot().approval());
  }

  private void send(NoticeKind kind, List<String> recipients, Runnable delivery) {
    try {
      delivery.run();
      record.notifications.add(new NotificationRecord(kind.name(), recipients, true, null, now()));
    } catch (ActivityFailure e) {
      log.warn("{} notice for {} not delivered", kind, record.request.requestId(), e);
      record.notifications.add(
          new NotificationRecord(kind.name(), recipients, false, rootMessage(e), now()));
    }
  }

  /** The innermost message of a failure: what actually went wrong. */
  static String rootMessage(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause.getMessage();
  }

  private static Instant now() {
    return Instant.ofEpochMilli(Workflow.currentTimeMillis());
  }
}
