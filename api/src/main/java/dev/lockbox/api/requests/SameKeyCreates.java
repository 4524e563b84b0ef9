package dev.lockbox.api.requests;

import dev.lockbox.api.problems.TemporalBusyException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Creates of one request id (one Idempotency-Key) run one at a time in this process: the first
 * starts the workflow and waits for it to settle, the repeats then read its state once instead of
 * all querying a workflow that is still in its first task (the server refuses queries beyond a
 * small buffer per workflow). Across processes the start's conflict policy still makes one 201.
 */
@Component
class SameKeyCreates {

  /** At most as long as a create takes to settle, plus a call: then the caller gets a 503. */
  private static final Duration WAIT = Duration.ofSeconds(10);

  private final ReentrantLock[] stripes = new ReentrantLock[64];

  SameKeyCreates() {
    for (int i = 0; i < stripes.length; i++) {
      stripes[i] = new ReentrantLock();
    }
  }

  <T> T oneAtATime(String requestId, Supplier<T> create) {
    ReentrantLock lock = stripes[Math.floorMod(requestId.hashCode(), stripes.length)];
    try {
      if (!lock.tryLock(WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new TemporalBusyException(null);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TemporalBusyException(e);
    }
    try {
      return create.get();
    } finally {
      lock.unlock();
    }
  }
}
