package dev.lockbox.workflows;

/** Names shared by everything that talks to the lockbox workflow, defined once. */
public final class LockboxNames {

  public static final String TASK_QUEUE = "lockbox";

  /** The workflow type of a request, as visibility queries name it. */
  public static final String WORKFLOW_TYPE = "LockboxWorkflow";

  private static final String WORKFLOW_ID_PREFIX = "lockbox-";

  private LockboxNames() {}

  /** The business key of a request's workflow. Never carries personal data. */
  public static String workflowId(String requestId) {
    return WORKFLOW_ID_PREFIX + requestId;
  }

  /** The request id in a request's workflow id; null for any other workflow id. */
  public static String requestId(String workflowId) {
    return workflowId.startsWith(WORKFLOW_ID_PREFIX)
        ? workflowId.substring(WORKFLOW_ID_PREFIX.length())
        : null;
  }
}
