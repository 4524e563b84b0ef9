package dev.lockbox.workflows.archive;

import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;

/**
 * Sleeps until a slice is due, archives it, and continues as new with the next slice, so the
 * history stays a dozen events long however many years the job runs. After a stop it catches up
 * slice by slice: a day is never skipped.
 */
public class AuditArchiveWorkflowImpl implements AuditArchiveWorkflow {

  /**
   * Archiving retries until it succeeds (a full disk is fixed by an operator, not by giving up).
   */
  private final ArchiveActivities archive =
      Workflow.newActivityStub(
          ArchiveActivities.class,
          ActivityOptions.newBuilder()
              .setStartToCloseTimeout(Duration.ofMinutes(30))
              .setRetryOptions(
                  RetryOptions.newBuilder()
                      .setInitialInterval(Duration.ofSeconds(10))
                      .setMaximumInterval(Duration.ofMinutes(10))
                      .setMaximumAttempts(0)
                      .build())
              .build());

  private ArchiveProgress progress;

  @Override
  public void run(ArchiveProgress start) {
    progress = start;
    Instant to = progress.nextFrom().plus(progress.period());
    Duration untilDue = Duration.between(now(), to.plus(progress.delay()));
    if (!untilDue.isNegative() && !untilDue.isZero()) {
      Workflow.sleep(untilDue);
    }
    ArchivedFile file =
        archive.archiveSlice(new ArchiveSlice(progress.nextFrom(), to, progress.previous()));
    progress = new ArchiveProgress(to, progress.period(), progress.delay(), file);
    Workflow.continueAsNew(progress);
  }

  @Override
  public ArchiveProgress getProgress() {
    return progress;
  }

  private static Instant now() {
    return Instant.ofEpochMilli(Workflow.currentTimeMillis());
  }
}
