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

/** The activity stubs of one workflow run, each with its own timeout and retry policy. */
final class LockboxActivityStubs {

  final PolicyActivities policy = Workflow.newActivityStub(PolicyActivities.class, lookup());
  final DirectoryActivities directory = Workflow.newActivityStub(DirectoryActivities.class, lookup());

  /** Emails are retried a few times only: a notifier must not become a spam cannon. */
  final NotificationActivities notifications =
      Workflow.newActivityStub(
          NotificationActivities.class,
          ActivityOptions.newBuilder()
              .setStartToCloseTimeout(Duration.ofSeconds(30))
              .setRetryOptions(
                  RetryOptions.newBuilder()
                      .setInitialInterval(Duration.ofSeconds(2))
                      .setMaximumAttempts(NotificationActivities.MAX_ATTEMPTS)
                      .setDoNotRetry(NotificationActivities.UNDELIVERABLE)
                      .build())
              .build());

  /**
   * Grant and revoke retry until they succeed: a half-done grant must not be left behind, and a
   * revoke is the one step that may never be skipped. Operators see a stuck one in the Web UI.
   */
  final AccessActivities access =
      Workflow.newActivityStub(
          AccessActivities.class,
          ActivityOptions.newBuilder()
              .setStartToCloseTimeout(Duration.ofSeconds(30))
              .setRetryOptions(
                  RetryOptions.newBuilder()
                      .setInitialInterval(Duration.ofSeconds(1))
                      .setMaximumInterval(Duration.ofMinutes(1))
                      .setMaximumAttempts(0)
                      .build())
              .build());

  final ReadModelActivities readModel =
      Workflow.newLocalActivityStub(
          ReadModelActivities.class,
          LocalActivityOptions.newBuilder()
              .setStartToCloseTimeout(Duration.ofSeconds(5))
              .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(5).build())
              .build());

  private static ActivityOptions lookup() {
    return ActivityOptions.newBuilder()
        .setStartToCloseTimeout(Duration.ofSeconds(10))
        .setRetryOptions(
            RetryOptions.newBuilder()
                .setInitialInterval(Duration.ofSeconds(1))
                .setMaximumAttempts(10)
                .build())
        .build();
  }
}
