package dev.lockbox.benchmark;

import java.util.Locale;

/** How the benchmark writes its numbers: milliseconds, ratios, KiB, MiB. */
final class Format {

  private Format() {}

  /**
   * Microseconds as milliseconds with three significant digits where it matters: 0.84, 41.2, 512.
   */
  static String millis(double micros) {
    double ms = micros / 1000.0;
    if (ms < 10) {
      return String.format(Locale.ROOT, "%.2f ms", ms);
    }
    if (ms < 100) {
      return String.format(Locale.ROOT, "%.1f ms", ms);
    }
    return String.format(Locale.ROOT, "%.0f ms", ms);
  }

  /** How many times {@code lockbox} is of {@code bare}: "x4.2"; "n/a" when there is no baseline. */
  static String ratio(double lockbox, double bare) {
    if (!(bare > 0) || Double.isNaN(lockbox)) {
      return "n/a";
    }
    double ratio = lockbox / bare;
    return String.format(Locale.ROOT, ratio < 10 ? "x%.2f" : "x%.1f", ratio);
  }

  static String perSecond(double value) {
    return String.format(Locale.ROOT, "%.1f/s", value);
  }

  /** Bytes per item in KiB, e.g. "31.4 KiB"; "n/a" for no items. */
  static String kibEach(double bytes, long items) {
    if (items <= 0) {
      return "n/a";
    }
    return String.format(Locale.ROOT, "%.1f KiB", bytes / items / 1024.0);
  }

  static String kib(double bytes) {
    return String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
  }

  static String mib(double bytes) {
    return String.format(Locale.ROOT, "%.0f MiB", bytes / (1024.0 * 1024.0));
  }
}
