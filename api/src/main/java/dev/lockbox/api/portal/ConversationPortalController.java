package dev.lockbox.api.portal;

import dev.lockbox.api.requests.LockboxConversations;
import dev.lockbox.api.security.CurrentUser;
import dev.lockbox.workflows.model.Channel;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The request page's question and extension forms. Each posts, then returns to the request page
 * (post, redirect, get: a reload sends nothing twice); a refusal shows the portal's problem page.
 */
@Controller
class ConversationPortalController {

  private final LockboxConversations conversations;
  private final CurrentUser currentUser;

  ConversationPortalController(LockboxConversations conversations, CurrentUser currentUser) {
    this.conversations = conversations;
    this.currentUser = currentUser;
  }

  @PostMapping("/portal/requests/{id}/questions")
  String ask(@PathVariable String id, @RequestParam String text) {
    conversations.ask(id, currentUser.get(), Channel.PORTAL, PortalText.required(text, "question"));
    return back(id);
  }

  @PostMapping("/portal/requests/{id}/questions/{questionId}/answer")
  String answer(
      @PathVariable String id, @PathVariable String questionId, @RequestParam String text) {
    conversations.answer(
        id, questionId, currentUser.get(), Channel.PORTAL, PortalText.required(text, "answer"));
    return back(id);
  }

  @PostMapping("/portal/requests/{id}/extensions")
  String requestExtension(
      @PathVariable String id, @RequestParam String duration, @RequestParam String reason) {
    conversations.requestExtension(
        id, currentUser.get(), Channel.PORTAL, duration, PortalText.required(reason, "reason"));
    return back(id);
  }

  @PostMapping("/portal/requests/{id}/extensions/{extensionId}/approve")
  String approveExtension(
      @PathVariable String id,
      @PathVariable String extensionId,
      @RequestParam(required = false) String comment) {
    return decide(id, extensionId, true, comment);
  }

  @PostMapping("/portal/requests/{id}/extensions/{extensionId}/deny")
  String denyExtension(
      @PathVariable String id,
      @PathVariable String extensionId,
      @RequestParam(required = false) String comment) {
    return decide(id, extensionId, false, comment);
  }

  private String decide(String id, String extensionId, boolean approve, String comment) {
    conversations.decideExtension(
        id, extensionId, approve, currentUser.get(), Channel.PORTAL, DecisionComment.of(comment));
    return back(id);
  }

  private static String back(String id) {
    return "redirect:/portal/requests/" + id + "#conversation";
  }
}
