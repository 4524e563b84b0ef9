package dev.lockbox.api.problems;

/** Temporal did not answer; the caller may retry. */
public class TemporalUnavailableException extends RuntimeException {

  public TemporalUnavailableException(Throwable cause) {
    super("The workflow service is not reachable right now; try again shortly.", cause);
  }
}
