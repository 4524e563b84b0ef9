package dev.lockbox.api.requests;

import dev.lockbox.api.LockboxSettings;
import dev.lockbox.api.problems.InvalidRequestException;
import dev.lockbox.api.problems.NotAllowedException;
import dev.lockbox.directory.Directory;
import dev.lockbox.directory.DirectoryTenant;
import dev.lockbox.directory.DirectoryUser;
import dev.lockbox.directory.Role;
import dev.lockbox.policy.Policy;
import dev.lockbox.text.HumanText;
import dev.lockbox.workflows.model.JitEvaluation;
import dev.lockbox.workflows.model.LockboxRequest;
import dev.lockbox.workflows.model.RequesterIdentity;
import dev.lockbox.workflows.model.ResourceScope;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Turns a validated body and the signed-in engineer into the workflow's input, checking what bean
 * validation cannot: the tenant and subscription, the service catalogue, break-glass eligibility
 * and the longest access the matching rule allows. Nothing starts when a check fails.
 */
@Component
class LockboxRequestFactory {

  static final int MIN_BREAK_GLASS_JUSTIFICATION = 20;
  private static final int MAX_IDEMPOTENCY_KEY = 255;

  private final Directory directory;
  private final Policy policy;
  private final LockboxSettings settings;

  LockboxRequestFactory(Directory directory, Policy policy, LockboxSettings settings) {
    this.directory = directory;
    this.policy = policy;
    this.settings = settings;
  }

  LockboxRequest create(
      DirectoryUser requester, CreateLockboxRequestBody body, String idempotencyKey) {
    DirectoryTenant tenant = tenantOf(body);
    policy
        .catalogue()
        .problemWith(body.resourceType(), body.accessLevel(), tenant)
        .ifPresent(
            problem -> {
              throw invalid("resourceType", problem);
            });
    if (body.isBreakGlass()) {
      requireBreakGlassAllowed(requester, body);
    }
    String requestId = requestId(requester, idempotencyKey);
    Duration maximum =
        body.isBreakGlass()
            ? settings.breakGlassWindow()
            : maximumFor(
                request(requestId, requester, body, settings.accessWindow()), requester, tenant);
    Duration duration =
        accessDuration(body.requestedDuration(), settings.minimumAccessDuration(), maximum);
    return request(requestId, requester, body, duration);
  }

  private DirectoryTenant tenantOf(CreateLockboxRequestBody body) {
    DirectoryTenant tenant =
        directory
            .tenant(body.tenantId())
            .orElseThrow(
                () ->
                    invalid("tenantId", "Tenant " + body.tenantId() + " is not known to Lockbox."));
    if (!tenant.owns(body.subscriptionId())) {
      throw invalid(
          "subscriptionId",
          "Subscription "
              + body.subscriptionId()
              + " does not belong to tenant "
              + tenant.id()
              + ".");
    }
    return tenant;
  }

  private static void requireBreakGlassAllowed(
      DirectoryUser requester, CreateLockboxRequestBody body) {
    if (!requester.has(Role.INCIDENT_RESPONDER)) {
      throw new NotAllowedException("Only incident responders may declare break-glass access.");
    }
    if (body.justification().strip().length() < MIN_BREAK_GLASS_JUSTIFICATION) {
      throw invalid(
          "justification",
          "Break-glass access needs a justification of at least "
              + MIN_BREAK_GLASS_JUSTIFICATION
              + " characters.");
    }
  }

  /** The longest access this request may have: the access window, capped by the matching rule. */
  private Duration maximumFor(
      LockboxRequest draft, DirectoryUser requester, DirectoryTenant tenant) {
    JitEvaluation jit = policy.evaluate(draft, Optional.of(requester), tenant);
    Duration ruleMax = jit.maxAccessDuration();
    return ruleMax != null && ruleMax.compareTo(settings.accessWindow()) < 0
        ? ruleMax
        : settings.accessWindow();
  }

  private LockboxRequest request(
      String requestId, DirectoryUser requester, CreateLockboxRequestBody body, Duration duration) {
    return new LockboxRequest(
        requestId,
        requester.id(),
        body.supportTicketId(),
        body.tenantId(),
        body.subscriptionId(),
        body.resourceType(),
        body.resourceId(),
        body.accessLevel(),
        body.justification(),
        settings.approvalWindow(),
        duration,
        body.resourceScope() == null
            ? ResourceScope.RESOURCE
            : ResourceScope.valueOf(body.resourceScope()),
        body.isBreakGlass(),
        settings.reminderFor(settings.approvalWindow()),
        settings.internalApprovalWindow(),
        new RequesterIdentity(requester.mfa(), requester.isolatedIdentity()),
        settings.extensionApprovalWindow());
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

  private static Duration accessDuration(String requested, Duration minimum, Duration maximum) {
    if (requested == null) {
      return maximum;
    }
    Duration duration;
    try {
      duration = Duration.parse(requested);
    } catch (DateTimeParseException e) {
      throw invalid(
          "requestedDuration", "requestedDuration must be an ISO-8601 duration such as PT2H.");
    }
    if (duration.compareTo(minimum) < 0) {
      throw invalid(
          "requestedDuration",
          "requestedDuration must be at least "
              + minimum
              + " ("
              + HumanText.duration(minimum)
              + ").");
    }
    if (duration.compareTo(maximum) > 0) {
      throw invalid(
          "requestedDuration",
          "requestedDuration "
              + requested
              + " is longer than the maximum access window "
              + maximum
              + " for this request.");
    }
    return duration;
  }

  private static InvalidRequestException invalid(String field, String detail) {
    return new InvalidRequestException(detail, Map.of(field, detail));
  }
}
