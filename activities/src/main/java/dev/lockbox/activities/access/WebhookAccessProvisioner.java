package dev.lockbox.activities.access;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lockbox.readmodel.RequestSummary;
import dev.lockbox.readmodel.RequestSummaryRepository;
import dev.lockbox.workflows.activities.AccessExtension;
import dev.lockbox.workflows.activities.AccessGrant;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A real access system behind a signed webhook: each grant and revoke is one JSON event POSTed to
 * {@code lockbox.access.webhook.url}, signed in {@link WebhookSignature#HEADER}. A 2xx answer is
 * done; on a revoke, 404 and 410 mean the grant is already gone. Anything else, or no answer,
 * throws, and the activity's retry policy delivers the same event again (same request id, so the
 * receiver can tell a retry from a new grant).
 */
public class WebhookAccessProvisioner implements AccessProvisioner {

  static final String GRANT = "grant";
  static final String REVOKE = "revoke";
  static final String EXTEND = "extend";

  /** Error type of an extension the access system refused for good (a 4xx answer). */
  static final String EXTENSION_REFUSED = "ExtensionRefused";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final AccessSettings.Webhook webhook;
  private final RequestSummaryRepository summaries;
  private final Clock clock;
  private final HttpClient http;

  public WebhookAccessProvisioner(
      AccessSettings.Webhook webhook, RequestSummaryRepository summaries, Clock clock) {
    this.webhook = webhook;
    this.summaries = summaries;
    this.clock = clock;
    this.http = HttpClient.newBuilder().connectTimeout(webhook.timeout()).build();
  }

  @Override
  public void grant(AccessGrant grant) {
    Map<String, Object> event = event(GRANT, grant.requestId());
    event.put("principal", grant.principal());
    event.put("tenantId", grant.tenantId());
    event.put("resourceType", grant.resourceType());
    event.put("resourceId", grant.resourceId());
    event.put("accessLevel", grant.accessLevel());
    event.put("expiresAt", grant.expiresAt().toString());
    int status = deliver(event);
    if (status / 100 != 2) {
      throw new WebhookRefusedException(GRANT, grant.requestId(), status);
    }
  }

  /**
   * An approved extension: the same request's grant now ends later. Its idempotency key names the
   * extension, so the receiver can tell a retry from the next extension of the same request.
   */
  @Override
  public void extend(AccessExtension extension) {
    Map<String, Object> event = event(EXTEND, extension.requestId());
    event.put("extensionId", extension.extensionId());
    event.put("expiresAt", extension.expiresAt().toString());
    int status = deliver(event, extension.requestId() + "/" + extension.extensionId());
    if (status / 100 == 4 && status != 408 && status != 429) {
      // The receiver will not extend (it knows no extensions, or no such live grant): final, so
      // the extension fails at once and access ends when it was going to.
      throw ApplicationFailure.newNonRetryableFailure(
          "the access system answered " + status + " to the extend of " + extension.requestId(),
          EXTENSION_REFUSED);
    }
    if (status / 100 != 2) {
      throw new WebhookRefusedException(EXTEND, extension.requestId(), status);
    }
  }

  /**
   * The revoke names the same request; who and what come from the read model (the activity is
   * called with the request id only), and the receiver acts on the request id.
   */
  @Override
  public void revoke(String requestId) {
    Map<String, Object> event = event(REVOKE, requestId);
    Optional<RequestSummary> summary = summaries.find(requestId);
    summary.ifPresent(
        s -> {
          event.put("principal", s.requester());
          event.put("tenantId", s.tenantId());
          event.put("resourceType", s.resourceType());
          event.put("resourceId", s.resourceId());
          event.put("accessLevel", s.accessLevel());
        });
    int status = deliver(event);
    if (status / 100 != 2 && status != 404 && status != 410) {
      throw new WebhookRefusedException(REVOKE, requestId, status);
    }
  }

  private static Map<String, Object> event(String type, String requestId) {
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("type", type);
    event.put("requestId", requestId);
    return event;
  }

  private int deliver(Map<String, Object> event) {
    return deliver(event, (String) event.get("requestId"));
  }

  private int deliver(Map<String, Object> event, String idempotencyKey) {
    String body = json(event);
    HttpRequest request =
        HttpRequest.newBuilder(webhook.url())
            .timeout(webhook.timeout())
            .header("Content-Type", "application/json")
            .header("Idempotency-Key", idempotencyKey)
            .header(
                WebhookSignature.HEADER,
                WebhookSignature.sign(webhook.secret(), clock.instant(), body))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    try {
      return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      throw new WebhookUnreachableException(event.get("type") + " of " + event.get("requestId"), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new WebhookUnreachableException("interrupted", e);
    }
  }

  private static String json(Map<String, Object> event) {
    try {
      return JSON.writeValueAsString(event);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The access system answered, but not with success: retried by the activity's policy. */
  static final class WebhookRefusedException extends RuntimeException {
    WebhookRefusedException(String type, String requestId, int status) {
      super("the access system answered " + status + " to the " + type + " of " + requestId);
    }
  }

  /** The access system did not answer: retried by the activity's policy. */
  static final class WebhookUnreachableException extends RuntimeException {
    WebhookUnreachableException(String what, Throwable cause) {
      super("the access system could not be reached for the " + what + ": " + cause, cause);
    }
  }
}
