package dev.lockbox.api.requests;

import dev.lockbox.api.LockboxSettings;
import dev.lockbox.api.problems.InvalidRequestException;
import dev.lockbox.platform.directory.Directory;
import dev.lockbox.platform.directory.DirectoryTenant;
import dev.lockbox.platform.directory.DirectoryUser;
import dev.lockbox.workflows.model.LockboxRequest;
import dev.lockbox.workflows.model.ResourceScope;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Turns a validated body and the signed-in engineer into the workflow's input, checking what bean
 * validation cannot: that the subscription belongs to the tenant and the duration fits.
 */
@Component
class LockboxRequestFactory {

  private static final int MAX_IDEMPOTENCY_KEY = 255;

  private final Directory directory;
  private final LockboxSettings settings;

  LockboxRequestFactory(Directory directory, LockboxSettings settings) {
    this.directory = directory;
    this.settings = settings;
  }

  LockboxRequest create(DirectoryUser requester, CreateLockboxRequestBody body, String idempotencyKey) {
    DirectoryTenant tenant =
        directory
            .tenant(body.tenantId())
            .orElseThrow(() -> invalid("tenantId", "Tenant " + body.tenantId() + " is not known to Lockbox."));
    if (!tenant.owns(body.subscriptionId())) {
      throw invalid(
          "subscriptionId",
          "Subscription " + body.subscriptionId() + " does not belong to tenant " + tenant.id() + ".");
    }
    return new LockboxRequest(
        requestId(requester, idempotencyKey),
        requester.id(),
        body.supportTicketId(),
        body.tenantId(),
        body.subscriptionId(),
        body.resourceType(),
        body.resourceId(),
        body.accessLevel(),
        body.justification(),
        settings.approvalWindow(),
        accessDuration(body.requestedDuration()),
        ResourceScope.RESOURCE,
        false,
        settings.reminderFor(settings.approvalWindow()),
        settings.internalApprovalWindow());
  }

  /** Same engineer + same key → same request id, so a retried create finds its first request. */
  static String requestId(DirectoryUser requester, String idempotencyKey) {
    if (idempotencyKey == null) {
      return UUID.randomUUID().toString();
    }
    if (idempotencyKey.isBlank()
        || idempotencyKey.length() > MAX_IDEMPOTENCY_KEY
        || !idempotencyKey.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
      throw new InvalidRequestException(
          "The Idempotency-Key header must be 1 to 255 visible ASCII characters.");
    }
    String scoped = "lockbox-idempotency\n" + requester.id() + "\n" + idempotencyKey;
    return UUID.nameUUIDFromBytes(scoped.getBytes(StandardCharsets.UTF_8)).toString();
  }

  private Duration accessDuration(String requested) {
    if (requested == null) {
      return settings.accessWindow();
    }
    Duration duration;
    try {
      duration = Duration.parse(requested);
    } catch (DateTimeParseException e) {
      throw invalid("requestedDuration", "requestedDuration must be an ISO-8601 duration such as PT2H.");
    }
    if (duration.isNegative() || duration.isZero()) {
      throw invalid("requestedDuration", "requestedDuration must be longer than zero.");
    }
    if (duration.compareTo(settings.accessWindow()) > 0) {
      throw invalid(
          "requestedDuration",
          "requestedDuration " + requested + " is longer than the maximum access window "
              + settings.accessWindow() + ".");
    }
    return duration;
  }

  private static InvalidRequestException invalid(String field, String detail) {
    return new InvalidRequestException(detail, Map.of(field, detail));
  }
}
