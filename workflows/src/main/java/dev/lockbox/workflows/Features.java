package dev.lockbox.workflows;

import dev.lockbox.workflows.model.JitEvaluation;
import dev.lockbox.workflows.model.LockboxRequest;
import io.temporal.workflow.Workflow;

/**
 * Which behaviour this workflow follows. Each change to running workflow logic gets a change id
 * here; a workflow that started before the change replays without its marker and keeps the old
 * behaviour. Versions are read once, first thing, so every later decision is consistent.
 */
record Features(
    boolean notices,
    boolean internalReviewAndBreakGlass,
    boolean timersStoppedSafely,
    boolean approverNoticesInBackground,
    boolean readModelAfterCommit,
    boolean approvalAnswersOnceGranted,
    boolean requesterNoticesInBackground,
    boolean approvalLevels,
    boolean extensionsAndQuestions,
    boolean readModelWriterOnDemand,
    boolean localLookups,
    boolean readModelWritesBatched) {

  /** Engineer notices (approved, denied, expired, revoked) and the approvers' reminder. */
  static final String NOTICES = "notices-and-reminders";

  /** The internal review stage before the customer, and break-glass requests. */
  static final String INTERNAL_REVIEW = "internal-review-and-break-glass";

  /**
   * A timer is cancelled only while it is due well after the current workflow task can end, and
   * cancelling the workflow no longer cancels its timers: a CancelTimer for a timer that the server
   * fired while the task ran is refused by the Java test server, which then leaves the workflow
   * stuck for good.
   */
  static final String SAFE_TIMER_STOP = "stop-timers-only-well-before-due";

  /**
   * The approvers' emails go out while the workflow already waits for their decision: a slow mail
   * service, or an email activity left with a worker that died, no longer holds up a decision
   * (before, a deny waited for the approval request's email to be retried first).
   */
  static final String APPROVER_NOTICES_IN_BACKGROUND = "approver-notices-in-background";

  /**
   * The read model is written by an activity the workflow task schedules, so only after the task
   * that reached a status has completed: a task that failed, or a worker that died within it, left
   * the read model (and the status metrics) showing a status the workflow never reached. See {@link
   * ReadModelWriter}.
   */
  static final String READ_MODEL_AFTER_COMMIT = "read-model-after-commit";

  /**
   * An approve's Update completes once access is granted (or the request has otherwise come to
   * rest), not at {@code APPROVED}: the caller learns the grant from the Update's own result
   * instead of polling the state. Changes when the Update completes, so it is versioned.
   */
  static final String APPROVAL_ANSWERS_ONCE_GRANTED = "approval-answers-once-granted";

  /**
   * The engineer's emails go out while the workflow goes on: with the mail service down, the
   * approved notice was retried for about half a minute before the access window began to be held,
   * so an early revoke in that time waited for the email (and the access check still said allowed).
   */
  static final String REQUESTER_NOTICES_IN_BACKGROUND = "requester-notices-in-background";

  /**
   * The tenant's approval levels (up to three, in sequence, each needing a number of distinct
   * approvers; one approval at one level by default) are asked one level at a time, each level with
   * its own email; and an approver may approve a shorter access than asked, the shortest approved
   * winning.
   */
  static final String APPROVAL_LEVELS = "approval-levels-and-narrowing";

  /**
   * Approvers may ask the engineer questions while a request waits for them, and the engineer may
   * ask for more access time while access is granted, decided by the approvers as the request was.
   */
  static final String EXTENSIONS_AND_QUESTIONS = "extensions-and-questions";

  /**
   * The read model's writer thread ends once nothing waits to be written (see {@link
   * ReadModelWriter}): a request waiting in the worker's cache holds one workflow thread, not two.
   * The writes are the same; the thread that schedules them starts anew, so it is versioned.
   */
  static final String READ_MODEL_WRITER_ON_DEMAND = "read-model-writer-on-demand";

  /**
   * The JIT policy evaluation and the directory look-ups (approvers, approval levels, internal
   * reviewers) run as local activities: in the worker, within the workflow task that needs them,
   * recorded in the history as a marker with their input and result. On a real server a create
   * answered in half the time (benchmark, {@code --floor-lookups=local}): two workflow task round
   * trips fewer. They stay short, in-process reads with the same retries.
   */
  static final String LOCAL_LOOKUPS = "policy-and-approvers-as-local-activities";

  /**
   * The read model's writer waits while a look-up runs as a local activity and then writes every
   * state waiting in one activity ({@code RecordStates}): a create's EVALUATING and PENDING,
   * reached in the same workflow task, take one write and one workflow task round trip, not two.
   * Every state is still written and counted, in order.
   */
  static final String READ_MODEL_WRITES_BATCHED = "read-model-writes-batched";

  static Features current() {
    return new Features(
        Workflow.getVersion(NOTICES, Workflow.DEFAULT_VERSION, 1) >= 1,
        Workflow.getVersion(INTERNAL_REVIEW, Workflow.DEFAULT_VERSION, 1) >= 1,
        Workflow.getVersion(SAFE_TIMER_STOP, Workflow.DEFAULT_VERSION, 1) >= 1,
        Workflow.getVersion(APPROVER_NOTICES_IN_BACKGROUND, Workflow.DEFAULT_VERSION, 1) >= 1,
        Workflow.getVersion(READ_MODEL_AFTER_COMMIT, Workflow.DEFAULT_VERSION, 1) >= 1,
        Workflow.getVersion(APPROVAL_ANSWERS_ONCE_GRANTED, Workflow.DEFAULT_VERSION, 1) >= 1,
        Workflow.getVersion(REQUESTER_NOTICES_IN_BACKGROUND, Workflow.DEFAULT_VERSION, 1) >= 1,
        Workflow.getVersion(APPROVAL_LEVELS, Workflow.DEFAULT_VERSION, 1) >= 1,
        Workflow.getVersion(EXTENSIONS_AND_QUESTIONS, Workflow.DEFAULT_VERSION, 1) >= 1,
        Workflow.getVersion(READ_MODEL_WRITER_ON_DEMAND, Workflow.DEFAULT_VERSION, 1) >= 1,
        Workflow.getVersion(LOCAL_LOOKUPS, Workflow.DEFAULT_VERSION, 1) >= 1,
        Workflow.getVersion(READ_MODEL_WRITES_BATCHED, Workflow.DEFAULT_VERSION, 1) >= 1);
  }

  /** Whether this request is emergency access (older workflows knew no break-glass). */
  boolean breakGlass(LockboxRequest request) {
    return internalReviewAndBreakGlass && request.breakGlass();
  }

  /** Whether the policy's internal review applies (older workflows knew no internal review). */
  boolean internalReview(JitEvaluation jit) {
    return internalReviewAndBreakGlass && jit.needsInternalApproval();
  }
}
