package dev.lockbox.api.requests;

import dev.lockbox.api.problems.InvalidRequestException;
import dev.lockbox.text.HumanText;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * An approver's narrowing of the access asked for: shorter is allowed, longer never, and no shorter
 * than the minimum access duration a request may ask for.
 */
final class ApprovedDuration {

  static final String FIELD = "approvedDuration";

  private ApprovedDuration() {}

  /** The duration to send with the approval; null when none was given. */
  static Duration parse(String text, Duration minimum, Duration asked) {
    if (text == null || text.isBlank()) {
      return null;
    }
    Duration approved;
    try {
      approved = Duration.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw invalid("approvedDuration must be an ISO-8601 duration such as PT2H.");
    }
    if (approved.compareTo(asked) > 0) {
      throw invalid(
          "approvedDuration "
              + approved
              + " is longer than the "
              + asked
              + " ("
              + HumanText.duration(asked)
              + ") the engineer asked for: an approver may shorten access, never lengthen it.");
    }
    if (approved.compareTo(minimum) < 0) {
      throw invalid(
          "approvedDuration must be at least "
              + minimum
              + " ("
              + HumanText.duration(minimum)
              + ").");
    }
    return approved;
  }

  static InvalidRequestException onlyForApprovals() {
    return invalid("approvedDuration applies to approvals only.");
  }

  private static InvalidRequestException invalid(String detail) {
    return new InvalidRequestException(detail, Map.of(FIELD, detail));
  }
}
