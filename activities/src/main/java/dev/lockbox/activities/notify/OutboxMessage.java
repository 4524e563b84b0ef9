package dev.lockbox.activities.notify;

import java.time.Instant;
import java.util.List;

/** An email as the dev outbox keeps it: rendered exactly as it would have been sent. */
public record OutboxMessage(
    String requestId, String kind, List<String> to, String subject, String text, Instant at) {

  public OutboxMessage {
    to = List.copyOf(to);
  }
}
