package dev.lockbox.api.requests;

import dev.lockbox.api.security.CurrentUser;
import dev.lockbox.workflows.model.Channel;
import dev.lockbox.workflows.model.LockboxState;
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
class LockboxConversationController {

  private final LockboxConversations conversations;
  private final CurrentUser currentUser;

  LockboxConversationController(LockboxConversations conversations, CurrentUser currentUser) {
    this.conversations = conversations;
    this.currentUser = currentUser;
  }

  @PostMapping(value = "/questions", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<LockboxRequestView> ask(
      @PathVariable String id, @Valid @RequestBody TextBody body) {
    LockboxState state = conversations.ask(id, currentUser.get(), Channel.API, body.text());
    String questionId = state.questions().get(state.questions().size() - 1).id();
    return created(id, "questions/" + questionId, state);
  }

  @PostMapping(
      value = "/questions/{questionId}/answer",
      consumes = MediaType.APPLICATION_JSON_VALUE)
  LockboxRequestView answer(
      @PathVariable String id, @PathVariable String questionId, @Valid @RequestBody TextBody body) {
    return LockboxRequestView.of(
        conversations.answer(id, questionId, currentUser.get(), Channel.API, body.text()));
  }

  @PostMapping(value = "/extensions", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<LockboxRequestView> requestExtension(
      @PathVariable String id, @Valid @RequestBody ExtensionBody body) {
    LockboxState state =
        conversations.requestExtension(
            id, currentUser.get(), Channel.API, body.duration(), body.reason());
    String extensionId = state.extensions().get(state.extensions().size() - 1).id();
    return created(id, "extensions/" + extensionId, state);
  }

  @PostMapping(
      value = "/extensions/{extensionId}/approve",
      consumes = MediaType.APPLICATION_JSON_VALUE)
  LockboxRequestView approveExtension(
      @PathVariable String id,
      @PathVariable String extensionId,
      @Valid @RequestBody(required = false) DecisionBody body) {
    return decide(id, extensionId, true, body);
  }

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
