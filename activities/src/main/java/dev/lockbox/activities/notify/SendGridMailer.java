package dev.lockbox.activities.notify;

import com.sendgrid.Client;
import com.sendgrid.Method;
import com.sendgrid.Request;
import com.sendgrid.Response;
import com.sendgrid.SendGrid;
import com.sendgrid.helpers.mail.Mail;
import com.sendgrid.helpers.mail.objects.ClickTrackingSetting;
import com.sendgrid.helpers.mail.objects.Content;
import com.sendgrid.helpers.mail.objects.Email;
import com.sendgrid.helpers.mail.objects.Personalization;
import com.sendgrid.helpers.mail.objects.TrackingSettings;
import dev.lockbox.workflows.activities.NotificationActivities;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.net.URI;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.impl.client.HttpClientBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends email through SendGrid's v3 mail API with the official client. Click tracking is off, so
 * SendGrid never rewrites (and never itself opens) the signed links.
 */
public class SendGridMailer implements Mailer {

  /** Error type of a SendGrid outage or rate limit: retried by the workflow's retry policy. */
  public static final String SENDGRID_UNAVAILABLE = "SendGridUnavailable";

  private static final Logger log = LoggerFactory.getLogger(SendGridMailer.class);
  private static final int CONNECT_TIMEOUT_MS = 5_000;
  private static final int READ_TIMEOUT_MS = 15_000;

  private final SendGrid sendGrid;
  private final SendGridSettings settings;

  public SendGridMailer(SendGridSettings settings) {
    this.settings = settings;
    this.sendGrid = client(settings);
  }

  @Override
  public void send(String requestId, String kind, dev.lockbox.activities.notify.Email email) {
    Request request = new Request();
    request.setMethod(Method.POST);
    request.setEndpoint("mail/send");
    try {
      request.setBody(mail(requestId, kind, email).build());
      check(sendGrid.api(request), kind, requestId);
    } catch (IOException e) {
      throw ApplicationFailure.newFailure(
          "SendGrid could not be reached (" + e.getClass().getSimpleName() + "); will retry.",
          SENDGRID_UNAVAILABLE);
    }
  }

  private Mail mail(String requestId, String kind, dev.lockbox.activities.notify.Email email) {
    Mail mail = new Mail();
    mail.setFrom(new Email(settings.from(), settings.fromName()));
    mail.setSubject(email.subject());
    Personalization to = new Personalization();
    to.addTo(new Email(email.to()));
    mail.addPersonalization(to);
    // SendGrid wants text/plain before text/html.
    mail.addContent(new Content("text/plain", email.text()));
    mail.addContent(new Content("text/html", email.html()));
    mail.setTrackingSettings(noClickTracking());
    mail.addCustomArg("lockbox_request_id", requestId);
    mail.addCustomArg("lockbox_notice", kind);
    return mail;
  }

  private static TrackingSettings noClickTracking() {
    ClickTrackingSetting click = new ClickTrackingSetting();
    click.setEnable(false);
    click.setEnableText(false);
    TrackingSettings tracking = new TrackingSettings();
    tracking.setClickTrackingSetting(click);
    return tracking;
  }

  /** 2xx delivered; 429 and 5xx retried; any other answer is final. */
  private static void check(Response response, String kind, String requestId) {
    int status = response.getStatusCode();
    if (status >= 200 && status < 300) {
      return;
    }
    log.warn("SendGrid answered {} to the {} notice of {}", status, kind, requestId);
    if (status == 429 || status >= 500) {
      throw ApplicationFailure.newFailure(
          "SendGrid is busy or unavailable (HTTP " + status + "); will retry.",
          SENDGRID_UNAVAILABLE);
    }
    throw ApplicationFailure.newNonRetryableFailure(
        "SendGrid refused the email (HTTP " + status + ").", NotificationActivities.UNDELIVERABLE);
  }

  private static SendGrid client(SendGridSettings settings) {
    String base = settings.baseUrl() == null ? "" : settings.baseUrl().strip();
    URI uri = base.isEmpty() ? null : URI.create(base);
    boolean plainHttp = uri != null && "http".equalsIgnoreCase(uri.getScheme());
    RequestConfig timeouts =
        RequestConfig.custom()
            .setConnectTimeout(CONNECT_TIMEOUT_MS)
            .setConnectionRequestTimeout(CONNECT_TIMEOUT_MS)
            .setSocketTimeout(READ_TIMEOUT_MS)
            .build();
    Client http =
        new Client(HttpClientBuilder.create().setDefaultRequestConfig(timeouts).build(), plainHttp);
    SendGrid sendGrid = new SendGrid(settings.apiKey(), http);
    if (uri != null) {
      sendGrid.setHost(uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort());
    }
    return sendGrid;
  }
}
