package dev.lockbox.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/** How calls are driven: one after another, or from a few client threads at once. */
final class Runs {

  private Runs() {}

  /**
   * Calls {@code first} and {@code second} {@code n} times each, alternating which goes first, so
   * both see the same server, JIT and GC conditions.
   */
  static void interleaved(int n, IntConsumer first, IntConsumer second) {
    for (int i = 0; i < n; i++) {
      if (i % 2 == 0) {
        first.accept(i);
        second.accept(i);
      } else {
        second.accept(i);
        first.accept(i);
      }
    }
  }

  /**
   * Makes {@code total} calls (call i gets index i) from {@code threads} client threads; calls per
   * second.
   */
  static double concurrently(int total, int threads, IntConsumer call) {
    AtomicInteger next = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    long start = System.nanoTime();
    try {
      List<Future<?>> workers = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        workers.add(
            pool.submit(
                () -> {
                  for (int i = next.getAndIncrement(); i < total; i = next.getAndIncrement()) {
                    call.accept(i);
                  }
                }));
      }
      for (Future<?> worker : workers) {
        worker.get();
      }
    } catch (ExecutionException e) {
      next.set(total); // the other client threads stop after their current call
      throw e.getCause() instanceof RuntimeException r
          ? r
          : new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } finally {
      pool.shutdownNow();
    }
    return total / ((System.nanoTime() - start) / 1e9);
  }
}
