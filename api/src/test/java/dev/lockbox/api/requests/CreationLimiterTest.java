package dev.lockbox.api.requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lockbox.api.problems.TooManyAttemptsException;
import dev.lockbox.policy.Policy;
import dev.lockbox.policy.PolicyFileParser;
import dev.lockbox.policy.TenantWithoutLockbox;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The policy's hourly limit of new requests per engineer, on a clock the test moves. */
class CreationLimiterTest {

  private final MovableClock clock = new MovableClock();
  private final Policy policy = shippedPolicy();
  private final CreationLimiter limiter = new CreationLimiter(policy, clock);

  @Test
  void theShippedPolicyLimitsEachEngineer_andTheLimitSlidesWithTheHour() {
    int limit = policy.requestsPerEngineerPerHour();
    assertThat(limit).isEqualTo(60);
    for (int i = 0; i < limit; i++) {
      limiter.acquire("engineer1");
      clock.advance(Duration.ofSeconds(10));
    }

    assertThatThrownBy(() -> limiter.acquire("engineer1"))
        .isInstanceOfSatisfying(
            TooManyAttemptsException.class,
            e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(3600 - 600)));
    assertThatCode(() -> limiter.acquire("engineer2")).doesNotThrowAnyException();

    clock.advance(Duration.ofMinutes(50));
    assertThatCode(() -> limiter.acquire("engineer1")).doesNotThrowAnyException();
  }

  private static Policy shippedPolicy() {
    try (InputStream in = Policy.class.getResourceAsStream("/lockbox-policy.yml")) {
      String yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return PolicyFileParser.parse(yaml, "shipped", TenantWithoutLockbox.GRANT_WITHOUT_LOCKBOX);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static final class MovableClock extends Clock {
    private Instant now = Instant.parse("2026-01-01T00:00:00Z");

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}
