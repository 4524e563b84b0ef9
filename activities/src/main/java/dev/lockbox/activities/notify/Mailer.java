package dev.lockbox.activities.notify;

/**
 * Delivers one email of one notice. Throws {@link io.temporal.failure.ApplicationFailure}:
 * non-retryable of type {@link
 * dev.lockbox.workflows.activities.NotificationActivities#UNDELIVERABLE} when a retry cannot help,
 * retryable otherwise.
 */
public interface Mailer {

  void send(String requestId, String kind, Email email);
}
