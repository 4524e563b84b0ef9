package dev.lockbox.workflows;

/** Names shared by everything that talks to the lockbox workflow, defined once. */
public final class LockboxNames {

  public static final String TASK_QUEUE = "lockbox";
  private static final String WORKFLOW_ID_PREFIX = "lockbox-";

  private LockboxNames() {}

  /** The business key of a request's workflow. Never carries personal data. */
  public static String workflowId(String requestId) {
    return WORKFLOW_ID_PREFIX + requestId;
  }
}
