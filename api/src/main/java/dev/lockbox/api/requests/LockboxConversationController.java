package dev.lockbox.api.requests;

import dev.lockbox.api.security.CurrentUser;
import dev.lockbox.workflows.model.Channel;
import dev.lockbox.workflows.model.LockboxState;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Questions and extensions of a lockbox request. A new question or extension answers 201 with the
 * request, which lists it with its id; answers and decisions answer 200 with the request after
 * them.
 */
@RestController
@RequestMapping("/api/lockbox-requests/{id}")
@Tag(name = "Lockbox requests")
class LockboxConversationController {

  private final LockboxConversations conversations;
  private final CurrentUser currentUser;

  LockboxConversationController(LockboxConversations conversations, CurrentUser currentUser) {
    this.conversations = conversations;
    this.currentUser = currentUser;
  }

  @Operation(
      summary = "Ask the engineer a question",
      description =
          "An approver of the request asks for more information instead of deciding, while it"
              + " waits for the customer; the approval window keeps running. The engineer is"
              + " emailed. The answer lists the question with its id (q1, q2, …).",
      responses = {
        @ApiResponse(responseCode = "201", description = "Asked; the request with the question"),
        @ApiResponse(responseCode = "400", description = "No text, or not one line of plain text"),
        @ApiResponse(responseCode = "403", description = "Not an approver of this request"),
        @ApiResponse(responseCode = "404", description = "No such request, or not yours to see"),
        @ApiResponse(
            responseCode = "503",
            description = "Temporal is unreachable or busy; retry after Retry-After seconds"),
        @ApiResponse(
            responseCode = "409",
            description = "The request no longer waits for a decision")
      })
  @PostMapping(value = "/questions", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<LockboxRequestView> ask(
      @PathVariable String id, @Valid @RequestBody TextBody body) {
    LockboxState state = conversations.ask(id, currentUser.get(), Channel.API, body.text());
    String questionId = state.questions().get(state.questions().size() - 1).id();
    return created(id, "questions/" + questionId, state);
  }

  @Operation(
      summary = "Answer a question",
      description =
          "The engineer who made the request answers one question, once, while the request"
              + " waits for a decision; whoever asked and the approvers deciding now are emailed.",
      responses = {
        @ApiResponse(responseCode = "200", description = "The request with the answer"),
        @ApiResponse(responseCode = "400", description = "No text, or not one line of plain text"),
        @ApiResponse(responseCode = "403", description = "Not the engineer who made the request"),
        @ApiResponse(
            responseCode = "404",
            description = "No such request or question, or not yours to see"),
        @ApiResponse(
            responseCode = "409",
            description = "Already answered, or the request no longer waits for a decision"),
        @ApiResponse(
            responseCode = "503",
            description = "Temporal is unreachable or busy; retry after Retry-After seconds")
      })
  @PostMapping(
      value = "/questions/{questionId}/answer",
      consumes = MediaType.APPLICATION_JSON_VALUE)
  LockboxRequestView answer(
      @PathVariable String id, @PathVariable String questionId, @Valid @RequestBody TextBody body) {
    return LockboxRequestView.of(
        conversations.answer(id, questionId, currentUser.get(), Channel.API, body.text()));
  }

  @Operation(
      summary = "Ask for more access time",
      description =
          "The engineer holding the access asks for more time with a reason; the tenant's"
              + " approvers decide it with the request's approval levels within its own approval"
              + " window (never past the access end). All extensions of a request together add at"
              + " most the policy's extension-cap-per-request. The answer lists it (e1, e2, …).",
      responses = {
        @ApiResponse(responseCode = "201", description = "Asked; the request with the extension"),
        @ApiResponse(
            responseCode = "400",
            description =
                "The duration is not ISO-8601, below the minimum or over the policy's cap, or"
                    + " the reason is missing"),
        @ApiResponse(responseCode = "403", description = "Not the engineer holding the access"),
        @ApiResponse(responseCode = "404", description = "No such request, or not yours to see"),
        @ApiResponse(
            responseCode = "503",
            description = "Temporal is unreachable or busy; retry after Retry-After seconds"),
        @ApiResponse(
            responseCode = "409",
            description =
                "Access is not granted (or was granted without the customer), or an extension"
                    + " already waits")
      })
  @PostMapping(value = "/extensions", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<LockboxRequestView> requestExtension(
      @PathVariable String id, @Valid @RequestBody ExtensionBody body) {
    LockboxState state =
        conversations.requestExtension(
            id, currentUser.get(), Channel.API, body.duration(), body.reason());
    String extensionId = state.extensions().get(state.extensions().size() - 1).id();
    return created(id, "extensions/" + extensionId, state);
  }

  @Operation(
      summary = "Approve more access time",
      description =
          "One approver's approval; the one that completes the extension's levels moves the"
              + " access end (the access system's grant, accessExpiresAt and the revoke) and"
              + " answers once it has moved.",
      responses = {
        @ApiResponse(responseCode = "200", description = "The request after the decision"),
        @ApiResponse(
            responseCode = "400",
            description = "approvedDuration sent (an extension is decided as asked)"),
        @ApiResponse(
            responseCode = "403",
            description = "Not an approver of this request at the level that waits"),
        @ApiResponse(
            responseCode = "404",
            description = "No such request or extension, or not yours to see"),
        @ApiResponse(
            responseCode = "409",
            description = "Already decided or expired, already approved by you, or access ended"),
        @ApiResponse(
            responseCode = "503",
            description = "Temporal is unreachable or busy; retry after Retry-After seconds")
      })
  @PostMapping(
      value = "/extensions/{extensionId}/approve",
      consumes = MediaType.APPLICATION_JSON_VALUE)
  LockboxRequestView approveExtension(
      @PathVariable String id,
      @PathVariable String extensionId,
      @Valid @RequestBody(required = false) DecisionBody body) {
    return decide(id, extensionId, true, body);
  }

  @Operation(
      summary = "Deny more access time",
      description = "Access ends when it was going to; the engineer is emailed and may ask again.",
      responses = {
        @ApiResponse(responseCode = "200", description = "The request after the decision"),
        @ApiResponse(
            responseCode = "400",
            description = "approvedDuration sent (an extension is decided as asked)"),
        @ApiResponse(
            responseCode = "403",
            description = "Not an approver of this request at the level that waits"),
        @ApiResponse(
            responseCode = "404",
            description = "No such request or extension, or not yours to see"),
        @ApiResponse(
            responseCode = "409",
            description = "Already decided or expired, already approved by you, or access ended"),
        @ApiResponse(
            responseCode = "503",
            description = "Temporal is unreachable or busy; retry after Retry-After seconds")
      })
  @PostMapping(
      value = "/extensions/{extensionId}/deny",
      consumes = MediaType.APPLICATION_JSON_VALUE)
  LockboxRequestView denyExtension(
      @PathVariable String id,
      @PathVariable String extensionId,
      @Valid @RequestBody(required = false) DecisionBody body) {
    return decide(id, extensionId, false, body);
  }

  private LockboxRequestView decide(
      String id, String extensionId, boolean approve, DecisionBody body) {
    DecisionBody sent = body == null ? DecisionBody.EMPTY : body;
    if (sent.approvedDuration() != null) {
      throw ApprovedDuration.onlyForApprovals();
    }
    return LockboxRequestView.of(
        conversations.decideExtension(
            id, extensionId, approve, currentUser.get(), Channel.API, sent.comment()));
  }

  /** 201, the Location naming the request's page and, as its fragment, the new item. */
  private static ResponseEntity<LockboxRequestView> created(
      String id, String item, LockboxState state) {
    return ResponseEntity.status(HttpStatus.CREATED)
        .location(URI.create("/api/lockbox-requests/" + id + "#" + item))
        .body(LockboxRequestView.of(state));
  }
}
