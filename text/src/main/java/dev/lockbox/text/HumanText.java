package dev.lockbox.text;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Times and durations as people read them, the same in emails and in the portal. */
public final class HumanText {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter CLOCK_TIME =
      DateTimeFormatter.ofPattern("HH:mm zzz", Locale.ENGLISH);
  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm zzz", Locale.ENGLISH);

  private HumanText() {}

  /** {@code 2026-11-05 14:03 UTC}; empty for null. Emails, which have no viewer, say UTC only. */
  public static String time(Instant instant) {
    return instant == null ? "" : TIME.format(instant);
  }

  /**
   * {@code 2026-12-02 19:04 UTC (20:04 CET)}: UTC, then the viewer's own time, with its date when
   * it is another day there ({@code 2026-12-02 23:30 UTC (2026-12-03 08:30 JST)}). A viewer in UTC
   * sees UTC alone; empty for null.
   */
  public static String time(Instant instant, ZoneId viewer) {
    if (instant == null || viewer == null || viewer.normalized().equals(ZoneOffset.UTC)) {
      return time(instant);
    }
    var there = instant.atZone(viewer);
    boolean sameDay = there.toLocalDate().equals(LocalDate.ofInstant(instant, ZoneOffset.UTC));
    return time(instant) + " (" + (sameDay ? CLOCK_TIME : DATE_TIME).format(there) + ")";
  }

  /** {@code 3 days 4 hours}, {@code 8 hours}, {@code 45 seconds}: the two largest units. */
  public static String duration(Duration duration) {
    if (duration == null) {
      return "";
    }
    if (duration.isNegative() || duration.isZero()) {
      return "0 seconds";
    }
    List<String> parts = new ArrayList<>();
    add(parts, duration.toDaysPart(), "day");
    add(parts, duration.toHoursPart(), "hour");
    add(parts, duration.toMinutesPart(), "minute");
    add(parts, duration.toSecondsPart(), "second");
    return String.join(" ", parts.subList(0, Math.min(2, parts.size())));
  }

  /**
   * User text made safe for a single-line header such as an email subject: control characters (CR,
   * LF, tabs) become spaces and the result is cut to {@code max} characters.
   */
  public static String oneLine(String text, int max) {
    String flat = text == null ? "" : text.replaceAll("[\\p{Cntrl}\\u2028\\u2029]+", " ").strip();
    return flat.length() <= max ? flat : flat.substring(0, max - 1) + "…";
  }

  private static void add(List<String> parts, long amount, String unit) {
    if (amount > 0) {
      parts.add(amount + " " + unit + (amount == 1 ? "" : "s"));
    }
  }
}
