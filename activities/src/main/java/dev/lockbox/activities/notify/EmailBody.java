package dev.lockbox.activities.notify;

import java.util.ArrayList;
import java.util.List;

/**
 * The parts of an email, rendered once as plain text and once as HTML. Every value is user or
 * directory text and is escaped in the HTML; only this class writes markup.
 */
final class EmailBody {

  private final List<String> paragraphs = new ArrayList<>();
  private final List<String[]> facts = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();
  private String actionLabel;
  private String actionUrl;

  EmailBody paragraph(String text) {
    paragraphs.add(text);
    return this;
  }

  EmailBody fact(String label, String value) {
    facts.add(new String[] {label, value == null ? "" : value});
    return this;
  }

  /** A fact only when there is something to say (null: no line at all). */
  EmailBody factIfAny(String label, String value) {
    return value == null ? this : fact(label, value);
  }

  EmailBody action(String label, String url) {
    this.actionLabel = label;
    this.actionUrl = url;
    return this;
  }

  EmailBody note(String text) {
    notes.add(text);
    return this;
  }

  List<String> links() {
    return actionUrl == null ? List.of() : List.of(actionUrl);
  }

  String text() {
    StringBuilder out = new StringBuilder();
    paragraphs.forEach(p -> out.append(p).append("\n\n"));
    facts.forEach(f -> out.append(f[0]).append(": ").append(f[1]).append('\n'));
    if (actionUrl != null) {
      out.append('\n').append(actionLabel).append(": ").append(actionUrl).append('\n');
    }
    notes.forEach(n -> out.append('\n').append(n).append('\n'));
    return out.toString();
  }

  String html() {
    StringBuilder out =
        new StringBuilder("<!doctype html><html><body style=\"font-family:sans-serif\">");
    paragraphs.forEach(p -> out.append("<p>").append(escape(p)).append("</p>"));
    out.append("<table cellpadding=\"4\">");
    facts.forEach(
        f ->
            out.append("<tr><th align=\"left\" valign=\"top\">")
                .append(escape(f[0]))
                .append("</th><td>")
                .append(escape(f[1]))
                .append("</td></tr>"));
    out.append("</table>");
    if (actionUrl != null) {
      out.append("<p><a href=\"")
          .append(escape(actionUrl))
          .append("\">")
          .append(escape(actionLabel))
          .append("</a></p>");
    }
    notes.forEach(n -> out.append("<p><small>").append(escape(n)).append("</small></p>"));
    return out.append("</body></html>").toString();
  }

  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
