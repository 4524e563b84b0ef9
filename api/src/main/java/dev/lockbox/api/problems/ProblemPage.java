package dev.lockbox.api.problems;

import org.springframework.http.ProblemDetail;
import org.springframework.web.util.HtmlUtils;

/**
 * The HTML page of an error, for browsers, where no template engine can run (security filters, the
 * servlet container's error valve). Every value is escaped; no script, the portal's own style.
 */
public final class ProblemPage {

  private ProblemPage() {}

  public static String html(ProblemDetail problem) {
    String title = HtmlUtils.htmlEscape(problem.getTitle() == null ? "Error" : problem.getTitle());
    String detail = HtmlUtils.htmlEscape(problem.getDetail() == null ? "" : problem.getDetail());
    return """
        <!DOCTYPE html>
        <html lang="en">
        <head><meta charset="utf-8"><title>%s · Customer Lockbox</title>
        <link rel="stylesheet" href="/css/portal.css"></head>
        <body>
        <header class="top"><a class="brand" href="/portal">Customer Lockbox</a></header>
        <main class="narrow">
        <h1 id="problem-title">%s</h1>
        <p id="problem-detail">%s</p>
        <p><a href="/portal">Go to the Lockbox portal</a></p>
        <p class="status-code">HTTP %d</p>
        </main>
        </body>
        </html>
        """
        .formatted(title, title, detail, problem.getStatus());
  }
}
