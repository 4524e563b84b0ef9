package dev.lockbox.workflows;

import dev.lockbox.workflows.activities.ReadModelActivities;
import dev.lockbox.workflows.model.LockboxState;
import dev.lockbox.workflows.model.LockboxStatus;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Workflow;
import org.slf4j.Logger;

/**
 * Makes a status visible outside the workflow: the read model behind listings, the LockboxStatus
 * search attribute and the current details the Web UI shows.
 */
final class StatusPublisher {

  private static final Logger log = Workflow.getLogger(StatusPublisher.class);

  private final RequestRecord record;
  private final ReadModelActivities readModel;

  StatusPublisher(RequestRecord record, ReadModelActivities readModel) {
    this.record = record;
    this.readModel = readModel;
  }

  /** The first status is already a search attribute, set when the workflow was started. */
  void publish() {
    Workflow.setCurrentDetails(details());
    record();
  }

  void publishStatusChange() {
    Workflow.upsertTypedSearchAttributes(
        LockboxSearchAttributes.STATUS.valueSet(record.status.name()));
    publish();
  }

  private void record() {
    LockboxState state = record.snapshot();
    try {
      readModel.recordState(state);
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
