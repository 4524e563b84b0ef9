package dev.lockbox.activities.access;

import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs a call at the access system while the activity heartbeats, so that Temporal notices a dead
 * worker within the heartbeat timeout (not the whole start-to-close timeout) and gives the grant or
 * revoke to another worker at once.
 */
final class Heartbeats {

  static final Duration INTERVAL = Duration.ofSeconds(1);

  private static final ExecutorService CALLS = Executors.newCachedThreadPool(Heartbeats::daemon);

  private Heartbeats() {}

  static void whileRunning(String details, Runnable call) {
    ActivityExecutionContext activity = Activity.getExecutionContext();
    CompletableFuture<Void> done = CompletableFuture.runAsync(call, CALLS);
    while (true) {
      activity.heartbeat(details);
      try {
        done.get(INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
        return;
      } catch (TimeoutException stillRunning) {
        // heartbeat again
      } catch (ExecutionException e) {
        throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while provisioning " + details, e);
      }
    }
  }

  private static Thread daemon(Runnable runnable) {
    Thread thread = new Thread(runnable, "lockbox-access-call");
    thread.setDaemon(true);
    return thread;
  }
}
