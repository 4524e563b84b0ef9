package dev.lockbox.activities.archive;

import dev.lockbox.audit.AuditSettings;
import dev.lockbox.audit.export.ArchiveFiles;
import dev.lockbox.workflows.LockboxNames;
import dev.lockbox.workflows.archive.ArchiveProgress;
import dev.lockbox.workflows.archive.ArchivedFile;
import dev.lockbox.workflows.archive.AuditArchiveWorkflow;
import io.temporal.api.enums.v1.WorkflowIdConflictPolicy;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;

/**
 * Starts the archive job when {@code lockbox.audit.archive.directory} is set. A job already running
 * is kept. A new job continues the chain of the newest file in the directory; in an empty one it
 * starts with the current slice.
 */
public class AuditArchiveStarter implements ApplicationListener<ApplicationReadyEvent> {

  private static final Logger log = LoggerFactory.getLogger(AuditArchiveStarter.class);

  private final WorkflowClient client;
  private final AuditSettings.Archive settings;
  private final Clock clock;

  public AuditArchiveStarter(WorkflowClient client, AuditSettings settings, Clock clock) {
    this.client = client;
    this.settings = settings.archive();
    this.clock = clock;
  }

  @Override
  public void onApplicationEvent(ApplicationReadyEvent event) {
    if (!settings.enabled()) {
      return;
    }
    AuditArchiveWorkflow job =
        client.newWorkflowStub(
            AuditArchiveWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(AuditArchiveWorkflow.WORKFLOW_ID)
                .setTaskQueue(LockboxNames.TASK_QUEUE)
                .setWorkflowIdConflictPolicy(
                    WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_USE_EXISTING)
                .setStaticSummary(
                    "Audit archive to " + settings.directory() + " every " + settings.period())
                .build());
    try {
      WorkflowClient.start(job::run, firstProgress());
      log.info(
          "Audit archive job writes to {} every {} (each slice {} after it ends)",
          settings.directory(),
          settings.period(),
          settings.delay());
    } catch (WorkflowExecutionAlreadyStarted running) {
      log.info("Audit archive job already running");
    }
  }

  ArchiveProgress firstProgress() {
    try {
      Optional<ArchiveFiles.Last> last = ArchiveFiles.last(settings.directory());
      if (last.isPresent()) {
        ArchiveFiles.Last file = last.get();
        return new ArchiveProgress(
            file.to(),
            settings.period(),
            settings.delay(),
            new ArchivedFile(file.file(), file.sha256(), -1, null, file.to()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot read the archive directory " + settings.directory(), e);
    }
    long now = clock.millis();
    long period = settings.period().toMillis();
    return new ArchiveProgress(
        Instant.ofEpochMilli(now - now % period), settings.period(), settings.delay(), null);
  }
}
