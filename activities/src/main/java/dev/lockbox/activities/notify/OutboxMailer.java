package dev.lockbox.activities.notify;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The mailer without a SendGrid key: keeps each email in the in-memory dev outbox. */
public class OutboxMailer implements Mailer {

  private static final Logger log = LoggerFactory.getLogger(OutboxMailer.class);

  private final DevOutbox outbox;
  private final Clock clock;

  public OutboxMailer(DevOutbox outbox, Clock clock) {
    this.outbox = outbox;
    this.clock = clock;
  }

  @Override
  public void send(String requestId, String kind, Email email) {
    OutboxMessage message =
        new OutboxMessage(
            requestId,
            kind,
            email.to(),
            email.subject(),
            email.text(),
            email.html(),
            email.links(),
            clock.instant());
    if (outbox.deliver(message)) {
      // Address and kind only: the body carries a signed link, and links never go to a log.
      log.info("Dev outbox: {} notice of {} to {}", kind, requestId, email.to());
    }
  }
}
