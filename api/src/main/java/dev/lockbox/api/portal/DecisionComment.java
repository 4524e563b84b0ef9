package dev.lockbox.api.portal;

import dev.lockbox.api.problems.InvalidRequestException;

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
    return comment.strip();
  }
}
