package dev.lockbox.api.problems;

/** Temporal did not answer; the caller may retry. */
public class TemporalUnavailableException extends RuntimeException {

  /**
   * The {@code Retry-After} of a 503: long enough for a restarting frontend or a failover, short
   * enough that a retrying client notices the recovery quickly.
   */
  public static final String RETRY_AFTER_SECONDS = "5";

  public TemporalUnavailableException(Throwable cause) {
    super("The workflow service is not reachable right now; try again shortly.", cause);
  }
}
