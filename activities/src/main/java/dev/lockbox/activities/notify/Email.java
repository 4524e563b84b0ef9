package dev.lockbox.activities.notify;

import java.util.List;

/**
 * One rendered email to one recipient, the same whether SendGrid or the dev outbox delivers it.
 *
 * @param links the links the email carries, in order (the dev outbox lists them)
 */
public record Email(String to, String subject, String text, String html, List<String> links) {

  public Email {
    links = List.copyOf(links);
  }
}
