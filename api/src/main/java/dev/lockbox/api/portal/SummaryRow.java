package dev.lockbox.api.portal;

import dev.lockbox.readmodel.RequestSummary;
import dev.lockbox.readmodel.SummaryPage;
import dev.lockbox.text.HumanText;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/** One row of a request listing, with the times already written for people. */
record SummaryRow(RequestSummary summary, String created, String expires, String timeLeft) {

  static final int MAX_ROWS = 50;

  static List<SummaryRow> of(SummaryPage page, Instant now, ZoneId zone) {
    return page.items().stream().map(s -> of(s, now, zone)).toList();
  }

  private static SummaryRow of(RequestSummary s, Instant now, ZoneId zone) {
    String left =
        s.expiresAt() == null ? "" : HumanText.duration(Duration.between(now, s.expiresAt()));
    return new SummaryRow(
        s, HumanText.time(s.createdAt(), zone), HumanText.time(s.expiresAt(), zone), left);
  }
}
