package dev.lockbox.api.problems;

import java.time.Duration;

/** Too many attempts of one kind; the caller may try again after {@link #retryAfter()}. */
public class TooManyAttemptsException extends RuntimeException {

  private final Duration retryAfter;

  public TooManyAttemptsException(String detail, Duration retryAfter) {
    super(detail);
    this.retryAfter = retryAfter;
  }

  public Duration retryAfter() {
    return retryAfter;
  }

  /** Whole seconds, rounded up, as the {@code Retry-After} header wants them. */
  public static String seconds(Duration wait) {
    long seconds =
        wait.toSeconds() + (wait.toSecondsPart() == 0 && wait.toNanosPart() == 0 ? 0 : 1);
    return Long.toString(Math.max(1, seconds));
  }
}
