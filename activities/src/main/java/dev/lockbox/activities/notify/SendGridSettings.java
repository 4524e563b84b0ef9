package dev.lockbox.activities.notify;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Email delivery settings ({@code lockbox.sendgrid.*}).
 *
 * @param apiKey the SendGrid API key ({@code SENDGRID_API_KEY}); unset, mail goes to the dev outbox
 * @param baseUrl another SendGrid host, e.g. {@code http://127.0.0.1:8089} for a local stand-in
 *     ({@code LOCKBOX_SENDGRID_BASE_URL}); unset, the client's own default host
 * @param from the sender address
 * @param fromName the sender's display name
 */
@ConfigurationProperties("lockbox.sendgrid")
public record SendGridSettings(
    String apiKey,
    String baseUrl,
    @DefaultValue("lockbox@lockbox.example") String from,
    @DefaultValue("Customer Lockbox") String fromName) {

  public boolean enabled() {
    return apiKey != null && !apiKey.isBlank();
  }
}
