package dev.lockbox.local.embedded;

/**
 * lockbox.jar cannot start on this machine as configured: a taken port, a missing CLI, a data
 * directory in use. Carries what to do, which {@link LocalStartupFailureAnalyzer} prints instead of
 * a stack trace.
 */
public class LocalStartupException extends RuntimeException {

  private final String action;

  public LocalStartupException(String problem, String action) {
    super(problem);
    this.action = action;
  }

  public LocalStartupException(String problem, String action, Throwable cause) {
    super(problem, cause);
    this.action = action;
  }

  /** What the user should change, naming the setting. */
  public String action() {
    return action;
  }
}
