package dev.lockbox.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Locks after repeated failures, per account and per client, and their end, on a moved clock. */
class AttemptThrottleTest {

  private final Moved clock = new Moved();
  private final AttemptThrottle throttle =
      new AttemptThrottle("Sign-in", new AttemptLimits(3, 5, Duration.ofMinutes(5)), clock);

  @Test
  void anAccountIsLockedAfterFailuresInARow_untilTheLockEnds() {
    throttle.failed("10.0.0.1", "alice");
    throttle.failed("10.0.0.2", "alice");
    assertThat(throttle.lockedFor("10.0.0.3", "alice")).isEmpty();

    throttle.failed("10.0.0.3", "alice");

    assertThat(throttle.lockedFor("10.0.0.9", "alice")).contains(Duration.ofMinutes(5));
    assertThat(throttle.lockedFor("10.0.0.9", "bob")).isEmpty();
    clock.advance(Duration.ofMinutes(5));
    assertThat(throttle.lockedFor("10.0.0.9", "alice")).isEmpty();
  }

  @Test
  void aSuccessEndsTheRunOfFailures_butNotTheClientsCount() {
    throttle.failed("10.0.0.1", "alice");
    throttle.failed("10.0.0.1", "alice");
    throttle.succeeded("alice");
    throttle.failed("10.0.0.1", "alice");
    throttle.failed("10.0.0.1", "alice");
    assertThat(throttle.lockedFor("10.0.0.2", "alice")).isEmpty();

    throttle.failed("10.0.0.1", "carol");

    assertThat(throttle.lockedFor("10.0.0.1", "dave")).isPresent();
  }

  @Test
  void failuresFurtherApartThanTheLockDurationStartAgain() {
    for (int i = 0; i < 10; i++) {
      throttle.failed("10.0.0." + i, "alice");
      clock.advance(Duration.ofMinutes(6));
    }
    assertThat(throttle.lockedFor("10.0.0.99", "alice")).isEmpty();
  }

  @Test
  void loggedAccountNamesAreOneShortLine() {
    assertThat(AttemptThrottle.loggable("evil\r\nINFO forged line\u202e"))
        .isEqualTo("evil??INFO forged line?");
    assertThat(AttemptThrottle.loggable("x".repeat(500))).hasSize(65);
  }

  static final class Moved extends Clock {
    private Instant now = Instant.parse("2026-01-01T00:00:00Z");

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }
}
