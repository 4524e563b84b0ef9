package dev.lockbox.api.requests;

import dev.lockbox.api.problems.TooManyAttemptsException;
import dev.lockbox.policy.Policy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * At most {@link Policy#requestsPerEngineerPerHour()} new requests per engineer in any hour
 * (sliding), so one account cannot flood approvers' inboxes or the cluster. Counted per api
 * process, in memory; several api instances each allow that many.
 */
@Component
class CreationLimiter {

  static final Duration WINDOW = Duration.ofHours(1);
  private static final int MAX_ENGINEERS = 10_000;

  private final int limit;
  private final Clock clock;
  private final Map<String, Deque<Instant>> starts =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Deque<Instant>> eldest) {
          return size() > MAX_ENGINEERS;
        }
      };

  CreationLimiter(Policy policy, Clock clock) {
    this.limit = policy.requestsPerEngineerPerHour();
    this.clock = clock;
  }

  /** Counts one new request of this engineer, or refuses it with the time to wait. */
  synchronized void acquire(String engineer) {
    Instant now = clock.instant();
    Deque<Instant> recent = starts.computeIfAbsent(engineer, e -> new ArrayDeque<>());
    while (!recent.isEmpty() && !recent.peekFirst().plus(WINDOW).isAfter(now)) {
      recent.removeFirst();
    }
    if (recent.size() >= limit) {
      throw new TooManyAttemptsException(
          "You started "
              + limit
              + " requests in the last hour, the most the policy allows; try again later.",
          Duration.between(now, recent.peekFirst().plus(WINDOW)));
    }
    recent.addLast(now);
  }

  /** Gives back the count of a create that turned out to repeat one already started. */
  synchronized void release(String engineer) {
    Deque<Instant> recent = starts.get(engineer);
    if (recent != null && !recent.isEmpty()) {
      recent.removeLast();
    }
  }
}
