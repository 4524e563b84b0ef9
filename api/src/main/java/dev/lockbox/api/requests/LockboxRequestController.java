package dev.lockbox.api.requests;

import dev.lockbox.api.problems.IdempotencyConflictException;
import dev.lockbox.api.problems.InvalidRequestException;
import dev.lockbox.api.security.CurrentUser;
import dev.lockbox.directory.DirectoryUser;
import dev.lockbox.workflows.model.Channel;
import dev.lockbox.workflows.model.DecisionKind;
import dev.lockbox.workflows.model.LockboxRequest;
import dev.lockbox.workflows.model.LockboxState;
import dev.lockbox.workflows.model.LockboxStatus;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.Arrays;
import java.util.Objects;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The REST API of lockbox requests. POSTs take JSON only (see SecurityConfiguration). */
@RestController
@RequestMapping("/api/lockbox-requests")
class LockboxRequestController {

  private final LockboxRequestService requests;
  private final LockboxRequests lockboxRequests;
  private final LockboxRequestFactory factory;
  private final CurrentUser currentUser;

  LockboxRequestController(
      LockboxRequestService requests,
      LockboxRequests lockboxRequests,
      LockboxRequestFactory factory,
      CurrentUser currentUser) {
    this.requests = requests;
    this.lockboxRequests = lockboxRequests;
    this.factory = factory;
    this.currentUser = currentUser;
  }

  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<LockboxRequestView> create(
      @Valid @RequestBody CreateLockboxRequestBody body,
      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
    DirectoryUser user = currentUser.get();
    RequestAccessPolicy.requireMayCreate(user);
    LockboxRequest request = factory.create(user, body, idempotencyKey);
    LockboxRequestService.Created created = requests.create(request);
    if (!created.isNew() && !sameAsking(created.state().request(), request)) {
      throw new IdempotencyConflictException(
          "This Idempotency-Key already started a different request ("
              + request.requestId()
              + ").");
    }
    URI location = URI.create("/api/lockbox-requests/" + request.requestId());
    return ResponseEntity.status(created.isNew() ? HttpStatus.CREATED : HttpStatus.OK)
        .location(location)
        .body(LockboxRequestView.of(created.state()));
  }

  @GetMapping("/{id}")
  LockboxRequestView get(@PathVariable String id) {
    return LockboxRequestView.of(visible(id));
  }

  @GetMapping
  RequestSummaryView.Page list(
      @RequestParam(required = false) String status,
      @RequestParam(required = false) String tenantId,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "20") int size) {
    return RequestSummaryView.Page.of(
        lockboxRequests.list(currentUser.get(), statusFilter(status), tenantId, page, size));
  }

  @GetMapping(value = "/{id}/history", produces = MediaType.APPLICATION_JSON_VALUE)
  String history(@PathVariable String id) {
    visible(id);
    return requests.history(id);
  }

  @PostMapping(value = "/{id}/approve", consumes = MediaType.APPLICATION_JSON_VALUE)
  LockboxRequestView approve(
      @PathVariable String id, @Valid @RequestBody(required = false) DecisionBody body) {
    return decide(id, DecisionKind.APPROVE, body);
  }

  @PostMapping(value = "/{id}/deny", consumes = MediaType.APPLICATION_JSON_VALUE)
  LockboxRequestView deny(
      @PathVariable String id, @Valid @RequestBody(required = false) DecisionBody body) {
    return decide(id, DecisionKind.DENY, body);
  }

  @PostMapping(value = "/{id}/internal-approve", consumes = MediaType.APPLICATION_JSON_VALUE)
  LockboxRequestView internalApprove(
      @PathVariable String id, @Valid @RequestBody(required = false) DecisionBody body) {
    return decide(id, DecisionKind.INTERNAL_APPROVE, body);
  }

  @PostMapping(value = "/{id}/internal-deny", consumes = MediaType.APPLICATION_JSON_VALUE)
  LockboxRequestView internalDeny(
      @PathVariable String id, @Valid @RequestBody(required = false) DecisionBody body) {
    return decide(id, DecisionKind.INTERNAL_DENY, body);
  }

  @PostMapping(value = "/{id}/cancel", consumes = MediaType.APPLICATION_JSON_VALUE)
  LockboxRequestView cancel(
      @PathVariable String id, @Valid @RequestBody(required = false) DecisionBody body) {
    return decide(id, DecisionKind.CANCEL, body);
  }

  @PostMapping(value = "/{id}/revoke", consumes = MediaType.APPLICATION_JSON_VALUE)
  LockboxRequestView revoke(
      @PathVariable String id, @Valid @RequestBody(required = false) DecisionBody body) {
    return decide(id, DecisionKind.REVOKE, body);
  }

  private LockboxRequestView decide(String id, DecisionKind kind, DecisionBody body) {
    String comment = (body == null ? DecisionBody.EMPTY : body).comment();
    return LockboxRequestView.of(
        lockboxRequests.take(id, kind, currentUser.get(), Channel.API, comment));
  }

  private LockboxState visible(String id) {
    return lockboxRequests.visible(id, currentUser.get());
  }

  private static String statusFilter(String status) {
    if (status == null) {
      return null;
    }
    try {
      return LockboxStatus.valueOf(status).name();
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException(
          "Unknown status "
              + status
              + "; use one of "
              + Arrays.toString(LockboxStatus.values())
              + ".");
    }
  }

  /** The same request asked again: everything but the id-derived and server-side fields match. */
  private static boolean sameAsking(LockboxRequest existing, LockboxRequest asked) {
    return Objects.equals(existing.supportTicketId(), asked.supportTicketId())
        && Objects.equals(existing.tenantId(), asked.tenantId())
        && Objects.equals(existing.subscriptionId(), asked.subscriptionId())
        && Objects.equals(existing.resourceType(), asked.resourceType())
        && Objects.equals(existing.resourceId(), asked.resourceId())
        && Objects.equals(existing.accessLevel(), asked.accessLevel())
        && Objects.equals(existing.justification(), asked.justification())
        && Objects.equals(existing.accessDuration(), asked.accessDuration());
  }
}
