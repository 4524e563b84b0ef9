package dev.lockbox.api.requests;

import java.util.regex.Pattern;

/**
 * What free text may hold (see {@link PlainText}). Public so the portal's comment form applies the
 * very same rule as the REST API.
 */
public final class TextRule {

  public static final String MESSAGE =
      "one line of printable text: no control characters (tab and line breaks included),"
          + " no bidirectional controls, no markup";

  /** A tag, closing tag, comment or processing instruction; a lone {@code a < b} is fine. */
  private static final Pattern MARKUP = Pattern.compile("<[A-Za-z/!?]");

  private TextRule() {}

  public static boolean isPlain(String text) {
    return text.codePoints().allMatch(TextRule::isAllowed) && !MARKUP.matcher(text).find();
  }

  private static boolean isAllowed(int codePoint) {
    int type = Character.getType(codePoint);
    return type != Character.CONTROL
        && type != Character.LINE_SEPARATOR
        && type != Character.PARAGRAPH_SEPARATOR
        && type != Character.SURROGATE
        && !isBidiControl(codePoint);
  }

  /** ALM, LRM, RLM, the embeddings and overrides U+202A–U+202E, the isolates U+2066–U+2069. */
  static boolean isBidiControl(int c) {
    return c == 0x061C
        || c == 0x200E
        || c == 0x200F
        || (c >= 0x202A && c <= 0x202E)
        || (c >= 0x2066 && c <= 0x2069);
  }
}
