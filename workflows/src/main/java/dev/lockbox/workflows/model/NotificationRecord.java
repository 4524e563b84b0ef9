package dev.lockbox.workflows.model;

import java.time.Instant;
import java.util.List;

/** One notification the workflow tried to send, and whether it went out. */
public record NotificationRecord(
    String kind, List<String> recipients, boolean delivered, String error, Instant at) {

  public NotificationRecord {
    recipients = List.copyOf(recipients);
  }
}
