package dev.lockbox.api.portal;

import dev.lockbox.api.problems.InvalidRequestException;
import dev.lockbox.api.requests.TextRule;
import java.util.Map;

/** The optional comment of the approve and deny forms. */
final class DecisionComment {

  static final int MAX_LENGTH = 1000;

  private DecisionComment() {}

  /** The comment without surrounding blanks; null when there is none. */
  static String of(String comment) {
    if (comment == null || comment.isBlank()) {
      return null;
    }
    if (comment.length() > MAX_LENGTH) {
      throw new InvalidRequestException("A comment has at most " + MAX_LENGTH + " characters.");
    }
    if (!TextRule.isPlain(comment)) {
      String detail = "The comment must be " + TextRule.MESSAGE + ".";
      throw new InvalidRequestException(detail, Map.of("comment", detail));
    }
    return comment.strip();
  }
}
