package dev.lockbox.api.requests;

import dev.lockbox.api.security.CurrentUser;
import dev.lockbox.workflows.model.Channel;
import dev.lockbox.workflows.model.DecisionKind;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(name = "Lockbox requests")
class LockboxRequestController {

  private final LockboxRequests requests;
  private final CurrentUser currentUser;

  LockboxRequestController(LockboxRequests requests, CurrentUser currentUser) {
    this.requests = requests;
    this.currentUser = currentUser;
  }

  @Operation(
      summary = "Ask for access to a customer resource",
      description =
          "The engineer signed in asks; the JIT policy answers at once (REJECTED, PENDING for the"
              + " customer's approvers, INTERNAL_REVIEW, or ACCESS_GRANTED for break-glass and"
              + "access without customer data). The same Idempotency-Key returns the "
              + "same request.",
      responses = {
        @ApiResponse(responseCode = "201", description = "Created; Location names the request"),
        @ApiResponse(
            responseCode = "200",
            description = "The request this Idempotency-Key already created"),
        @ApiResponse(
            responseCode = "400",
            description =
                "A field is missing or wrong, or the policy's limits refuse it; nothing"
                    + " starts"),
        @ApiResponse(
            responseCode = "403",
            description = "Not an engineer, or break-glass without the incident responder role"),
        @ApiResponse(
            responseCode = "429",
            description =
                "More new requests within an hour than the policy allows this engineer, or too"
                    + " many failed sign-ins; Retry-After says when to try again"),
        @ApiResponse(
            responseCode = "422",
            description = "The Idempotency-Key was used before with another body"),
        @ApiResponse(
            responseCode = "503",
            description =
                "Temporal is unreachable or busy: nothing started, or the request of this"
                    + " Idempotency-Key did; retry with the same key")
      })
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

  @Operation(
      summary = "Read one request",
      description =
          "Its status, the JIT result, times, decision, grant, revocation, notifications and"
              + " approvals, read from its workflow.",
      responses = {
        @ApiResponse(responseCode = "200", description = "The request"),
        @ApiResponse(responseCode = "404", description = "No such request, or not yours to see"),
        @ApiResponse(
            responseCode = "503",
            description = "Temporal is unreachable or busy; retry after Retry-After seconds")
      })
  @GetMapping("/{id}")
  LockboxRequestView get(@PathVariable String id) {
    return LockboxRequestView.of(requests.visible(id, currentUser.get()));
  }

  @Operation(
      summary = "List the requests you may see",
      description =
          "From the read model, newest first (status=PENDING: soonest expiry first), a page at a"
              + " time: engineers see their own, approvers their tenants', auditors all.",
      responses = {
        @ApiResponse(responseCode = "200", description = "One page of requests"),
        @ApiResponse(
            responseCode = "400",
            description = "Unknown status, or page or size out of range")
      })
  @GetMapping
  RequestSummaryView.Page list(
      @RequestParam(required = false) String status,
      @RequestParam(required = false) String tenantId,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "20") int size) {
    return RequestSummaryView.Page.of(
        requests.list(currentUser.get(), StatusFilter.parse(status), tenantId, page, size));
  }

  @Operation(
      summary = "Download a request's Temporal history",
      description =
          "The workflow history in the JSON format the Temporal Web UI downloads, replayable with"
              + " WorkflowReplayer: the request's complete audit trail.",
      responses = {
        @ApiResponse(responseCode = "200", description = "The history, {\"events\":[…]}"),
        @ApiResponse(responseCode = "404", description = "No such request, or not yours to see"),
        @ApiResponse(
            responseCode = "503",
            description = "Temporal is unreachable or busy; retry after Retry-After seconds")
      })
  @GetMapping(value = "/{id}/history", produces = MediaType.APPLICATION_JSON_VALUE)
  String history(@PathVariable String id) {
    return requests.history(id, currentUser.get());
  }

  @Operation(
      summary = "Approve a pending request",
      description =
          "A designated approver of the tenant, never the requester, at the "
              + "approval level that waits; approvedDuration grants less time than "
              + "asked. Access is granted once every approval the request needs is in.",
      responses = {
        @ApiResponse(
            responseCode = "200",
            description =
                "The request: PENDING while more approvals are needed, ACCESS_GRANTED "
                    + "once granted"),
        @ApiResponse(
            responseCode = "400",
            description = "The body is malformed or a field is wrong"),
        @ApiResponse(
            responseCode = "403",
            description =
                "Not a designated approver of this request's tenant, the requester, or "
                    + "not at the level that waits"),
        @ApiResponse(responseCode = "404", description = "No such request, or not yours to see"),
        @ApiResponse(
            responseCode = "409",
            description = "No longer possible (currentStatus says why), or already taken by you"),
        @ApiResponse(
            responseCode = "503",
            description = "Temporal is unreachable or busy; retry after Retry-After seconds")
      })
  @PostMapping(value = "/{id}/approve", consumes = MediaType.APPLICATION_JSON_VALUE)
  LockboxRequestView approve(
      @PathVariable String id, @Valid @RequestBody(required = false) DecisionBody body) {
    return decide(id, DecisionKind.APPROVE, body);
  }

  @Operation(
      summary = "Deny a pending request",
      description =
          "A designated approver of the tenant, never the requester: one deny "
              + "ends the request; nothing is granted.",
      responses = {
        @ApiResponse(responseCode = "200", description = "The request, DENIED"),
        @ApiResponse(
            responseCode = "400",
            description = "The body is malformed or a field is wrong"),
        @ApiResponse(
            responseCode = "403",
            description = "Not a designated approver of this request's tenant, or the requester"),
        @ApiResponse(responseCode = "404", description = "No such request, or not yours to see"),
        @ApiResponse(
            responseCode = "409",
            description = "No longer possible (currentStatus says why), or already taken by you"),
        @ApiResponse(
            responseCode = "503",
            description = "Temporal is unreachable or busy; retry after Retry-After seconds")
      })
  @PostMapping(value = "/{id}/deny", consumes = MediaType.APPLICATION_JSON_VALUE)
  LockboxRequestView deny(
      @PathVariable String id, @Valid @RequestBody(required = false) DecisionBody body) {
    return decide(id, DecisionKind.DENY, body);
  }

  @Operation(
      summary = "Approve in the internal review",
      description =
          "A holder of the internal role the policy named, never the requester, "
              + "while the request is INTERNAL_REVIEW; the customer is asked next.",
      responses = {
        @ApiResponse(
            responseCode = "200",
            description = "The request, PENDING for the customer's approvers"),
        @ApiResponse(
            responseCode = "400",
            description = "The body is malformed or a field is wrong"),
        @ApiResponse(
            responseCode = "403",
            description = "Does not hold the internal role the policy named, or is the requester"),
        @ApiResponse(responseCode = "404", description = "No such request, or not yours to see"),
        @ApiResponse(
            responseCode = "409",
            description = "No longer possible (currentStatus says why), or already taken by you"),
        @ApiResponse(
            responseCode = "503",
            description = "Temporal is unreachable or busy; retry after Retry-After seconds")
      })
  @PostMapping(value = "/{id}/internal-approve", consumes = MediaType.APPLICATION_JSON_VALUE)
  LockboxRequestView internalApprove(
      @PathVariable String id, @Valid @RequestBody(required = false) DecisionBody body) {
    return decide(id, DecisionKind.INTERNAL_APPROVE, body);
  }

  @Operation(
      summary = "Deny in the internal review",
      description =
          "A holder of the internal role the policy named, never the requester, "
              + "while the request is INTERNAL_REVIEW.",
      responses = {
        @ApiResponse(responseCode = "200", description = "The request, DENIED"),
        @ApiResponse(
            responseCode = "400",
            description = "The body is malformed or a field is wrong"),
        @ApiResponse(
            responseCode = "403",
            description = "Does not hold the internal role the policy named, or is the requester"),
        @ApiResponse(responseCode = "404", description = "No such request, or not yours to see"),
        @ApiResponse(
            responseCode = "409",
            description = "No longer possible (currentStatus says why), or already taken by you"),
        @ApiResponse(
            responseCode = "503",
            description = "Temporal is unreachable or busy; retry after Retry-After seconds")
      })
  @PostMapping(value = "/{id}/internal-deny", consumes = MediaType.APPLICATION_JSON_VALUE)
  LockboxRequestView internalDeny(
      @PathVariable String id, @Valid @RequestBody(required = false) DecisionBody body) {
    return decide(id, DecisionKind.INTERNAL_DENY, body);
  }

  @Operation(
      summary = "Withdraw a request that waits",
      description =
          "The requester, while the request is INTERNAL_REVIEW or PENDING; "
              + "nothing is granted.",
      responses = {
        @ApiResponse(responseCode = "200", description = "The request, CANCELED"),
        @ApiResponse(
            responseCode = "400",
            description = "The body is malformed or a field is wrong"),
        @ApiResponse(responseCode = "403", description = "Not the requester"),
        @ApiResponse(responseCode = "404", description = "No such request, or not yours to see"),
        @ApiResponse(
            responseCode = "409",
            description = "No longer possible (currentStatus says why), or already taken by you"),
        @ApiResponse(
            responseCode = "503",
            description = "Temporal is unreachable or busy; retry after Retry-After seconds")
      })
  @PostMapping(value = "/{id}/cancel", consumes = MediaType.APPLICATION_JSON_VALUE)
  LockboxRequestView cancel(
      @PathVariable String id, @Valid @RequestBody(required = false) DecisionBody body) {
    return decide(id, DecisionKind.CANCEL, body);
  }

  @Operation(
      summary = "End granted access early",
      description =
          "The requester or an approver of the tenant, while ACCESS_GRANTED; the "
              + "request ends COMPLETED once the access system confirms.",
      responses = {
        @ApiResponse(
            responseCode = "200",
            description = "The request, COMPLETED or on its way there"),
        @ApiResponse(
            responseCode = "400",
            description = "The body is malformed or a field is wrong"),
        @ApiResponse(
            responseCode = "403",
            description = "Neither the requester nor an approver of this request's tenant"),
        @ApiResponse(responseCode = "404", description = "No such request, or not yours to see"),
        @ApiResponse(
            responseCode = "409",
            description = "No longer possible (currentStatus says why), or already taken by you"),
        @ApiResponse(
            responseCode = "503",
            description = "Temporal is unreachable or busy; retry after Retry-After seconds")
      })
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
