package dev.lockbox.api.problems;

/**
 * Temporal answered but refused for now ({@code RESOURCE_EXHAUSTED}: a rate limit, or too many
 * queries waiting on one workflow); the caller may retry, so it is a 503 like an outage.
 */
public class TemporalBusyException extends TemporalUnavailableException {

  public TemporalBusyException(Throwable cause) {
    super(cause);
  }
}
