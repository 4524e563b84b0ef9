package dev.lockbox.api.audit;

import dev.lockbox.api.problems.InvalidRequestException;
import dev.lockbox.audit.AuditAction;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Map;

/** Parses the query parameters of the audit endpoints; anything unusable is a 400 that says why. */
final class AuditParameters {

  static final int MAX_SIZE = 1000;

  private AuditParameters() {}

  /** An instant ({@code 2026-11-28T10:00:00Z}) or a UTC date ({@code 2026-11-28}, its start). */
  static Instant instant(String name, String value, Instant fallback) {
    if (value == null || value.isBlank()) {
      if (fallback == null) {
        throw invalid(
            name, "is required, e.g. " + name + "=2026-11-28 or " + name + "=2026-11-28T10:00:00Z");
      }
      return fallback;
    }
    try {
      return value.contains("T")
          ? Instant.parse(value)
          : LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
    } catch (DateTimeParseException e) {
      throw invalid(
          name, "is not a date (2026-11-28) or an instant (2026-11-28T10:00:00Z): " + value);
    }
  }

  static void requireOrder(Instant from, Instant to) {
    if (!from.isBefore(to)) {
      throw invalid("from", "must be before to");
    }
  }

  static AuditAction action(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    return AuditAction.byLabel(value)
        .orElseThrow(
            () -> invalid("action", "is not an audit action; use one of " + AuditAction.labels()));
  }

  static int number(String name, String value, int fallback, int min, int max) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      int number = Integer.parseInt(value.trim());
      if (number >= min && number <= max) {
        return number;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw invalid(name, "must be a whole number from " + min + " to " + max);
  }

  private static InvalidRequestException invalid(String name, String problem) {
    return new InvalidRequestException(name + " " + problem + ".", Map.of(name, problem));
  }
}
