package dev.lockbox.workflows;

import dev.lockbox.workflows.activities.ReadModelActivities;
import dev.lockbox.workflows.model.LockboxState;
import dev.lockbox.workflows.model.LockboxStatus;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Workflow;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;

/**
 * Makes a status visible outside the workflow: the read model behind listings, the LockboxStatus
 * search attribute and the current details the Web UI shows.
 */
final class StatusPublisher {

  private static final Logger log = Workflow.getLogger(StatusPublisher.class);

  private final RequestRecord record;
  private final ReadModelActivities inTask;
  private final ReadModelWriter afterCommit;
  private boolean writeAfterCommit;

  StatusPublisher(
      RequestRecord record, LockboxActivityStubs activities, BooleanSupplier lookupRunning) {
    this.record = record;
    this.inTask = activities.readModel;
    this.afterCommit = new ReadModelWriter(activities.readModelAfterCommit, lookupRunning);
  }

  /**
   * Publishes the first status; from {@link Features#READ_MODEL_AFTER_COMMIT} on, the read model is
   * written after each workflow task, not within it. The first status is already a search
   * attribute, set when the workflow was started.
   */
  void start(Features features) {
    writeAfterCommit = features.readModelAfterCommit();
    afterCommit.writeOnDemand(features.readModelWriterOnDemand());
    afterCommit.writeBatched(features.readModelWritesBatched());
    publish();
  }

  /** Waits for the read model writes still under way, so the last status is not left unwritten. */
  void flush() {
    afterCommit.flush();
  }

  /** Whether the read model holds every status published so far. */
  boolean written() {
    return !writeAfterCommit || afterCommit.idle();
  }

  private void publish() {
    Workflow.setCurrentDetails(details());
    if (writeAfterCommit) {
      afterCommit.write(record.snapshot());
    } else {
      record();
    }
  }

  void refreshDetails() {
    Workflow.setCurrentDetails(details());
  }

  void publishStatusChange() {
    Workflow.upsertTypedSearchAttributes(
        LockboxSearchAttributes.STATUS.valueSet(record.status.name()));
    publish();
  }

  /** Before {@link Features#READ_MODEL_AFTER_COMMIT}: a local activity within the task. */
  private void record() {
    LockboxState state = record.snapshot();
    try {
      inTask.recordState(state);
    } catch (ActivityFailure e) {
      // The history stays the record; the next status change (or a rebuild) repairs the row.
      log.warn(
          "Read model not updated for {} v{}", state.request().requestId(), state.version(), e);
    }
  }

  private String details() {
    StringBuilder text = new StringBuilder("**").append(record.status).append("**");
    if (record.status == LockboxStatus.INTERNAL_REVIEW) {
      text.append(" — waiting for the ")
          .append(record.jit.internalApprovalRole())
          .append(" role until ")
          .append(record.internalExpiresAt);
    } else if (record.status == LockboxStatus.PENDING) {
      text.append(" — waiting for ")
          .append(record.request.tenantId())
          .append(" approvers until ")
          .append(record.expiresAt);
    } else if (record.status == LockboxStatus.ACCESS_GRANTED) {
      text.append(" — access until ").append(record.accessExpiresAt);
    }
    return text.toString();
  }
}
