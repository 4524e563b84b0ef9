package dev.lockbox.api.security;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Failures per key (an account, a client address), and the temporary lock they lead to. Failures
 * count while each comes within {@code lockDuration} of the previous one; the {@code max}th locks
 * the key for {@code lockDuration}. Bounded: the least recently failing keys are forgotten first,
 * so a flood of made-up account names cannot exhaust memory.
 */
final class FailureCounters {

  static final int MAX_KEYS = 10_000;

  private final int max;
  private final Duration lockDuration;
  private final Map<String, Entry> entries =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
          return size() > MAX_KEYS;
        }
      };

  FailureCounters(int max, Duration lockDuration) {
    this.max = max;
    this.lockDuration = lockDuration;
  }

  /** How long the key stays locked, if it is locked now. */
  synchronized Optional<Duration> lockedFor(String key, Instant now) {
    Entry entry = entries.get(key);
    if (entry == null || entry.lockedUntil == null || !now.isBefore(entry.lockedUntil)) {
      return Optional.empty();
    }
    return Optional.of(Duration.between(now, entry.lockedUntil));
  }

  /** Counts a failure; true when it is the one that locks the key. */
  synchronized boolean fail(String key, Instant now) {
    Entry entry = entries.computeIfAbsent(key, k -> new Entry());
    if (entry.last != null && entry.last.plus(lockDuration).isBefore(now)) {
      entry.failures = 0;
    }
    entry.failures++;
    entry.last = now;
    if (entry.failures < max) {
      return false;
    }
    entry.failures = 0;
    entry.lockedUntil = now.plus(lockDuration);
    return true;
  }

  /** A success ends the run of failures (but not a lock already in force). */
  synchronized void reset(String key) {
    Entry entry = entries.get(key);
    if (entry != null && entry.lockedUntil == null) {
      entries.remove(key);
    } else if (entry != null) {
      entry.failures = 0;
    }
  }

  private static final class Entry {
    int failures;
    Instant last;
    Instant lockedUntil;
  }
}
