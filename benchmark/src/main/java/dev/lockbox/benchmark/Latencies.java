package dev.lockbox.benchmark;

import java.util.concurrent.TimeUnit;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/** Latencies of one kind of call, in microseconds (HdrHistogram, 3 significant digits). */
final class Latencies {

  private final Histogram histogram = new ConcurrentHistogram(TimeUnit.MINUTES.toMicros(10), 3);

  /** Runs the call once and records how long it took. */
  <T> T time(java.util.function.Supplier<T> call) {
    long start = System.nanoTime();
    T result = call.get();
    record(System.nanoTime() - start);
    return result;
  }

  void time(Runnable call) {
    long start = System.nanoTime();
    call.run();
    record(System.nanoTime() - start);
  }

  void record(long nanos) {
    histogram.recordValue(Math.max(1, TimeUnit.NANOSECONDS.toMicros(nanos)));
  }

  Summary summary() {
    return new Summary(
        histogram.getTotalCount(),
        histogram.getValueAtPercentile(50),
        histogram.getValueAtPercentile(90),
        histogram.getValueAtPercentile(99),
        histogram.getMaxValue(),
        histogram.getMean());
  }

  /** Percentiles in microseconds. */
  record Summary(long count, long p50, long p90, long p99, long max, double mean) {}
}
