package dev.lockbox.api.requests;

import dev.lockbox.api.security.CurrentUser;
import dev.lockbox.workflows.model.Channel;
import dev.lockbox.workflows.model.DecisionKind;
import jakarta.validation.Valid;
import java.net.URI;
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

  private final LockboxRequests requests;
  private final CurrentUser currentUser;

  LockboxRequestController(LockboxRequests requests, CurrentUser currentUser) {
    this.requests = requests;
    this.currentUser = currentUser;
  }

  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<LockboxRequestView> create(
      @Valid @RequestBody CreateLockboxRequestBody body,
      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
    LockboxRequests.Created created = requests.create(currentUser.get(), body, idempotencyKey);
    String id = created.state().request().requestId();
    return ResponseEntity.status(created.isNew() ? HttpStatus.CREATED : HttpStatus.OK)
        .location(URI.create("/api/lockbox-requests/" + id))
        .body(LockboxRequestView.of(created.state()));
  }

  @GetMapping("/{id}")
  LockboxRequestView get(@PathVariable String id) {
    return LockboxRequestView.of(requests.visible(id, currentUser.get()));
  }

  @GetMapping
  RequestSummaryView.Page list(
      @RequestParam(required = false) String status,
      @RequestParam(required = false) String tenantId,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "20") int size) {
    return RequestSummaryView.Page.of(
        requests.list(currentUser.get(), StatusFilter.parse(status), tenantId, page, size));
  }

  @GetMapping(value = "/{id}/history", produces = MediaType.APPLICATION_JSON_VALUE)
  String history(@PathVariable String id) {
    return requests.history(id, currentUser.get());
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
    DecisionBody sent = body == null ? DecisionBody.EMPTY : body;
    return LockboxRequestView.of(
        requests.decide(
            id, kind, currentUser.get(), Channel.API, sent.comment(), sent.approvedDuration()));
  }
}
