package dev.lockbox.workflows.testing;

import dev.lockbox.workflows.LockboxNames;
import dev.lockbox.workflows.archive.ArchiveActivities;
import dev.lockbox.workflows.archive.ArchiveProgress;
import dev.lockbox.workflows.archive.ArchivedFile;
import dev.lockbox.workflows.archive.AuditArchiveWorkflow;
import dev.lockbox.workflows.archive.AuditArchiveWorkflowImpl;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * Records one run of the audit archive workflow (sleep, archive a slice, continue as new) into
 * {@code src/test/resources/histories/archive}, for its replay test. Run it like RecordHistories.
 */
public final class RecordArchiveHistory {

  private RecordArchiveHistory() {}

  public static void main(String[] args) throws IOException {
    Path dir =
        Path.of(args.length > 0 ? args[0] : "workflows/src/test/resources/archive-histories");
    Files.createDirectories(dir);
    try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance()) {
      Worker worker = env.newWorker(LockboxNames.TASK_QUEUE);
      worker.registerWorkflowImplementationTypes(AuditArchiveWorkflowImpl.class);
      worker.registerActivitiesImplementations(
          (ArchiveActivities)
              slice ->
                  new ArchivedFile(
                      "lockbox-audit-" + slice.from().getEpochSecond() + ".ndjson",
                      "00",
                      3,
                      slice.from(),
                      slice.to()));
      env.start();
      AuditArchiveWorkflow workflow =
          env.getWorkflowClient()
              .newWorkflowStub(
                  AuditArchiveWorkflow.class,
                  WorkflowOptions.newBuilder()
                      .setTaskQueue(LockboxNames.TASK_QUEUE)
                      .setWorkflowId(AuditArchiveWorkflow.WORKFLOW_ID)
                      .build());
      Instant today =
          Instant.ofEpochMilli(
              env.currentTimeMillis() - env.currentTimeMillis() % Duration.ofDays(1).toMillis());
      WorkflowClient.start(
          workflow::run, new ArchiveProgress(today, Duration.ofDays(1), Duration.ofHours(6), null));
      String firstRun = WorkflowStub.fromTyped(workflow).getExecution().getRunId();
      env.sleep(Duration.ofDays(2));
      String json =
          env.getWorkflowClient()
              .fetchHistory(AuditArchiveWorkflow.WORKFLOW_ID, firstRun)
              .toJson(true);
      Files.writeString(dir.resolve("audit-archive.json"), json);
    }
  }
}
