package dev.lockbox.activities.notify;

import java.time.Instant;
import java.util.List;

/** An email as the dev outbox keeps it: rendered exactly as it would have been sent. */
public record OutboxMessage(
    String requestId,
    String kind,
    String to,
    String subject,
    String text,
    String html,
    List<String> links,
    Instant at) {

  public OutboxMessage {
    links = List.copyOf(links);
  }
}
