package dev.lockbox.audit;

import dev.lockbox.workflows.model.LockboxStatus;

/**
 * What in a history can make an audit event: the workflow's start, an activity's end (by activity
 * type), a status change (the {@code LockboxStatus} search attribute) or an accepted Update (by
 * update name).
 */
record Trigger(Kind kind, String name) {

  enum Kind {
    WORKFLOW_STARTED,
    ACTIVITY_COMPLETED,
    ACTIVITY_FAILED,
    STATUS_CHANGED,
    UPDATE_ACCEPTED
  }

  static Trigger started() {
    return new Trigger(Kind.WORKFLOW_STARTED, "");
  }

  static Trigger activityCompleted(String activityType) {
    return new Trigger(Kind.ACTIVITY_COMPLETED, activityType);
  }

  static Trigger activityFailed(String activityType) {
    return new Trigger(Kind.ACTIVITY_FAILED, activityType);
  }

  static Trigger status(LockboxStatus status) {
    return status(status.name());
  }

  /** A status as the history carries it; a name no {@link LockboxStatus} has matches no rule. */
  static Trigger status(String status) {
    return new Trigger(Kind.STATUS_CHANGED, status);
  }

  static Trigger update(String updateName) {
    return new Trigger(Kind.UPDATE_ACCEPTED, updateName);
  }
}
