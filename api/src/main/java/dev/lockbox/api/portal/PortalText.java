package dev.lockbox.api.portal;

import dev.lockbox.api.problems.InvalidRequestException;
import dev.lockbox.api.requests.TextRule;
import java.util.Map;

/** The text of the question, answer and extension forms: required, one line of plain text. */
final class PortalText {

  static final int MAX_LENGTH = 2000;

  private PortalText() {}

  static String required(String text, String what) {
    if (text == null || text.isBlank()) {
      throw invalid(what, "Please write the " + what + ".");
    }
    if (text.length() > MAX_LENGTH) {
      throw invalid(what, "The " + what + " has at most " + MAX_LENGTH + " characters.");
    }
    if (!TextRule.isPlain(text)) {
      throw invalid(what, "The " + what + " must be " + TextRule.MESSAGE + ".");
    }
    return text.strip();
  }

  private static InvalidRequestException invalid(String field, String detail) {
    return new InvalidRequestException(detail, Map.of(field, detail));
  }
}
