package dev.lockbox.workflows;

import dev.lockbox.workflows.activities.AccessActivities;
import dev.lockbox.workflows.activities.DirectoryActivities;
import dev.lockbox.workflows.activities.NotificationActivities;
import dev.lockbox.workflows.activities.PolicyActivities;
import dev.lockbox.workflows.activities.ReadModelActivities;
import io.temporal.activity.ActivityOptions;
import io.temporal.activity.LocalActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;

/** The activity stubs of one request's workflow, each with its own timeout and retry policy. */
final class LockboxActivityStubs {

  // Each stub carries a summary: what the Temporal Web UI shows for the activity. Summaries are
  // metadata, not commands, so they replay against histories recorded without them.

  /** The policy and directory look-ups, one stub each. */
  record Lookups(
      PolicyActivities policy,
      DirectoryActivities approvers,
      DirectoryActivities internalReviewers) {}

  private static final String EVALUATE = "Evaluate the JIT rules";
  private static final String FIND_APPROVERS = "Find the tenant's Lockbox approvers";
  private static final String FIND_REVIEWERS = "Find the internal reviewers";

  final Lookups lookups =
      new Lookups(
          Workflow.newActivityStub(PolicyActivities.class, lookup(EVALUATE)),
          Workflow.newActivityStub(DirectoryActivities.class, lookup(FIND_APPROVERS)),
          Workflow.newActivityStub(DirectoryActivities.class, lookup(FIND_REVIEWERS)));

  /** From Features#LOCAL_LOOKUPS on, the same look-ups as local activities (see RequestContext). */
  final Lookups localLookups =
      new Lookups(
          Workflow.newLocalActivityStub(PolicyActivities.class, localLookup(EVALUATE)),
          Workflow.newLocalActivityStub(DirectoryActivities.class, localLookup(FIND_APPROVERS)),
          Workflow.newLocalActivityStub(DirectoryActivities.class, localLookup(FIND_REVIEWERS)));

  final NotificationActivities approverMail =
      Workflow.newActivityStub(NotificationActivities.class, email("Email the approvers"));
  final NotificationActivities requesterMail =
      Workflow.newActivityStub(NotificationActivities.class, email("Email the engineer"));

  final AccessActivities grant =
      Workflow.newActivityStub(
          AccessActivities.class, untilDone("Grant access (it ends by itself at its expiry)"));
  final AccessActivities revoke =
      Workflow.newActivityStub(
          AccessActivities.class, untilDone("Revoke access (retried until it succeeds)"));

  /**
   * The access system's part of an approved extension, given {@code budget}: retried within it
   * only, since the old end still holds meanwhile and access must never outlast what the access
   * system agreed to (see {@link AccessWindow}).
   */
  static AccessActivities extendWithin(Duration budget) {
    return Workflow.newActivityStub(
        AccessActivities.class,
        ActivityOptions.newBuilder()
            .setScheduleToCloseTimeout(budget)
            .setStartToCloseTimeout(budget.compareTo(CALL) < 0 ? budget : CALL)
            .setHeartbeatTimeout(Duration.ofSeconds(5))
            .setRetryOptions(
                RetryOptions.newBuilder()
                    .setInitialInterval(Duration.ofSeconds(1))
                    .setMaximumInterval(Duration.ofSeconds(10))
                    .setMaximumAttempts(0)
                    .build())
            .setSummary("Move the end of access (an approved extension)")
            .build());
  }

  private static final Duration CALL = Duration.ofSeconds(30);

  final ReadModelActivities readModel =
      Workflow.newLocalActivityStub(
          ReadModelActivities.class,
          LocalActivityOptions.newBuilder()
              .setStartToCloseTimeout(Duration.ofSeconds(5))
              .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(5).build())
              .setSummary("Update the read model")
              .build());

  /**
   * The read model after each workflow task (see {@link ReadModelWriter}): retried for about a
   * quarter of an hour, so a database restart loses no status; given up on, the read model doctor
   * repairs the row from the history.
   */
  final ReadModelActivities readModelAfterCommit =
      Workflow.newActivityStub(
          ReadModelActivities.class,
          ActivityOptions.newBuilder()
              .setStartToCloseTimeout(Duration.ofSeconds(10))
              .setRetryOptions(
                  RetryOptions.newBuilder()
                      .setInitialInterval(Duration.ofMillis(500))
                      .setMaximumInterval(Duration.ofMinutes(1))
                      .setMaximumAttempts(20)
                      .build())
              .setSummary("Update the read model")
              .build());

  private static final Duration LOOKUP_TIMEOUT = Duration.ofSeconds(10);
  private static final RetryOptions LOOKUP_RETRIES =
      RetryOptions.newBuilder()
          .setInitialInterval(Duration.ofSeconds(1))
          .setMaximumAttempts(10)
          .build();

  private static ActivityOptions lookup(String summary) {
    return ActivityOptions.newBuilder()
        .setStartToCloseTimeout(LOOKUP_TIMEOUT)
        .setRetryOptions(LOOKUP_RETRIES)
        .setSummary(summary)
        .build();
  }

  /** {@link #lookup}'s timeout and retries, for a local activity. */
  private static LocalActivityOptions localLookup(String summary) {
    return LocalActivityOptions.newBuilder()
        .setStartToCloseTimeout(LOOKUP_TIMEOUT)
        .setRetryOptions(LOOKUP_RETRIES)
        .setSummary(summary)
        .build();
  }

  /** Emails are retried a few times only: a notifier must not become a spam cannon. */
  private static ActivityOptions email(String summary) {
    return ActivityOptions.newBuilder()
        .setStartToCloseTimeout(Duration.ofSeconds(30))
        .setRetryOptions(
            RetryOptions.newBuilder()
                .setInitialInterval(Duration.ofSeconds(2))
                .setMaximumAttempts(NotificationActivities.MAX_ATTEMPTS)
                .setDoNotRetry(NotificationActivities.UNDELIVERABLE)
                .build())
        .setSummary(summary)
        .build();
  }

  /**
   * Grant and revoke retry until they succeed: a half-done grant must not be left behind, and a
   * revoke is the one step that may never be skipped. Operators see a stuck one in the Web UI. They
   * heartbeat every second, so a worker that dies during one is noticed within the heartbeat
   * timeout and another worker retries it (timeouts are not commands: histories replay unchanged).
   */
  private static ActivityOptions untilDone(String summary) {
    return ActivityOptions.newBuilder()
        .setStartToCloseTimeout(Duration.ofSeconds(30))
        .setHeartbeatTimeout(Duration.ofSeconds(5))
        .setRetryOptions(
            RetryOptions.newBuilder()
                .setInitialInterval(Duration.ofSeconds(1))
                .setMaximumInterval(Duration.ofMinutes(1))
                .setMaximumAttempts(0)
                .build())
        .setSummary(summary)
        .build();
  }
}
