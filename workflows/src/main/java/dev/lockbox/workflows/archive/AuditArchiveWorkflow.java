package dev.lockbox.workflows.archive;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * Writes one signed audit export per period (a day by default) into the archive directory, each
 * file linked to the one before. A periodic workflow (sleep, archive, continue-as-new) rather than
 * a Temporal Schedule, because the embedded test server has no schedules.
 */
@WorkflowInterface
public interface AuditArchiveWorkflow {

  /** One archive job per namespace. */
  String WORKFLOW_ID = "lockbox-audit-archive";

  @WorkflowMethod
  void run(ArchiveProgress progress);

  @QueryMethod
  ArchiveProgress getProgress();
}
