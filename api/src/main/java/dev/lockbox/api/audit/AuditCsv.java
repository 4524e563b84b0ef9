package dev.lockbox.api.audit;

import dev.lockbox.audit.AuditEvent;
import java.util.List;

/**
 * Audit events as CSV (RFC 4180). A cell that a spreadsheet would run as a formula (leading {@code
 * = + - @}, tab or carriage return) gets a leading apostrophe, so an actor name or a comment can
 * never execute in the auditor's spreadsheet.
 */
final class AuditCsv {

  static final String HEADER =
      "time,action,actor,channel,tenantId,subscriptionId,requestId,supportTicketId,reason,historyEventId";

  private AuditCsv() {}

  static String of(List<AuditEvent> events) {
    StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
    for (AuditEvent e : events) {
      row(
          csv,
          e.time().toString(),
          e.action().label(),
          e.actor(),
          e.channel(),
          e.tenantId(),
          e.subscriptionId(),
          e.requestId(),
          e.supportTicketId(),
          e.reason(),
          Long.toString(e.historyEventId()));
    }
    return csv.toString();
  }

  private static void row(StringBuilder csv, String... cells) {
    for (int i = 0; i < cells.length; i++) {
      if (i > 0) {
        csv.append(',');
      }
      csv.append(cell(cells[i]));
    }
    csv.append("\r\n");
  }

  static String cell(String value) {
    if (value == null || value.isEmpty()) {
      return "";
    }
    String safe = startsLikeAFormula(value) ? "'" + value : value;
    boolean quote = safe.chars().anyMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r');
    return quote ? '"' + safe.replace("\"", "\"\"") + '"' : safe;
  }

  private static boolean startsLikeAFormula(String value) {
    return switch (value.charAt(0)) {
      case '=', '+', '-', '@', '\t', '\r' -> true;
      default -> false;
    };
  }
}
