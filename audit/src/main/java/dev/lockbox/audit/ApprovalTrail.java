package dev.lockbox.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * Reads approval levels and approvals out of history payloads for the audit trail: the levels the
 * directory answered ({@code FindApprovalLevels}) and each accepted approve Update's decision.
 */
final class ApprovalTrail {

  private ApprovalTrail() {}

  /** Approvals needed over every level; 1 for requests without levels. */
  static int needed(JsonNode levels) {
    if (!levels.isArray() || levels.isEmpty()) {
      return 1;
    }
    int needed = 0;
    for (JsonNode level : levels) {
      needed += level.path("requiredApprovals").asInt(1);
    }
    return needed;
  }

  /** "approval 1 of 2 (level 1 of 1), for PT2H instead of PT8H: comment". */
  static String counted(JsonNode levels, int count, JsonNode decision, JsonNode asked) {
    int level = levelOf(levels, count);
    StringBuilder text =
        new StringBuilder("approval ")
            .append(count)
            .append(" of ")
            .append(needed(levels))
            .append(" (level ")
            .append(level)
            .append(" of ")
            .append(levels.size())
            .append(")");
    Duration approved = duration(decision.path("approvedDuration"));
    if (approved != null) {
      text.append(", for ").append(approved).append(" instead of ").append(duration(asked));
    }
    String comment = decision.path("comment").asText("");
    if (!comment.isBlank()) {
      text.append(": ").append(comment);
    }
    return text.toString();
  }

  /**
   * "approved by a, b; access for PT2H (asked PT8H)", or empty when one approver approved what was
   * asked (the APPROVE event reads as it always did).
   */
  static String approvedSummary(List<JsonNode> approvals, int needed, JsonNode asked) {
    String shortest = shortest(approvals);
    StringBuilder text = new StringBuilder();
    if (needed > 1) {
      text.append("approved by ")
          .append(
              approvals.stream()
                  .map(a -> a.path("actor").asText())
                  .collect(Collectors.joining(", ")));
    }
    if (shortest != null) {
      text.append(text.isEmpty() ? "" : "; ")
          .append("access for ")
          .append(shortest)
          .append(" (asked ")
          .append(duration(asked))
          .append(")");
    }
    return text.toString();
  }

  /** Why a request was rejected when the directory's levels had too few approvers. */
  static String shortfall(JsonNode levels, String requester) {
    int index = 1;
    for (JsonNode level : levels) {
      long approvers =
          StreamSupport.stream(level.path("approvers").spliterator(), false)
              .filter(a -> !a.asText().equals(requester))
              .count();
      int required = level.path("requiredApprovals").asInt(1);
      if (approvers < required) {
        return "approval level "
            + index
            + " needs "
            + required
            + " approvers other than the requester, and the directory names "
            + approvers;
      }
      index++;
    }
    return "the JIT policy could not be evaluated";
  }

  /** The level the count-th approval counted at: levels fill up in order. */
  private static int levelOf(JsonNode levels, int count) {
    int seen = 0;
    int index = 1;
    for (JsonNode level : levels) {
      seen += level.path("requiredApprovals").asInt(1);
      if (count <= seen) {
        return index;
      }
      index++;
    }
    return Math.max(1, levels.size());
  }

  private static String shortest(List<JsonNode> approvals) {
    Duration shortest = null;
    for (JsonNode approval : approvals) {
      Duration d = duration(approval.path("approvedDuration"));
      if (d != null && (shortest == null || d.compareTo(shortest) < 0)) {
        shortest = d;
      }
    }
    return shortest == null ? null : shortest.toString();
  }

  /** A duration as the workflow's converter writes it (decimal seconds), or ISO-8601 text. */
  static Duration duration(JsonNode node) {
    if (node.isNumber()) {
      BigDecimal nanos = node.decimalValue().movePointRight(9);
      return Duration.ofNanos(nanos.longValue());
    }
    if (node.isTextual()) {
      try {
        return Duration.parse(node.asText());
      } catch (DateTimeParseException notADuration) {
        return null;
      }
    }
    return null;
  }
}
