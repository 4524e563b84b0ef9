package dev.lockbox.api.portal;

import dev.lockbox.api.requests.LockboxConversations;
import dev.lockbox.api.requests.LockboxRequests;
import dev.lockbox.api.security.CurrentUser;
import dev.lockbox.directory.DirectoryUser;
import dev.lockbox.workflows.model.Channel;
import dev.lockbox.workflows.model.LockboxState;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
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
  private final LockboxRequests requests;
  private final CurrentUser currentUser;
  private final ViewerTime viewerTime;

  ConversationPortalController(
      LockboxConversations conversations,
      LockboxRequests requests,
      CurrentUser currentUser,
      ViewerTime viewerTime) {
    this.conversations = conversations;
    this.requests = requests;
    this.currentUser = currentUser;
    this.viewerTime = viewerTime;
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

  /** Denying more time: GET only asks for confirmation; the POST below denies. */
  @GetMapping("/portal/requests/{id}/extensions/{extensionId}/deny")
  String confirmDeny(@PathVariable String id, @PathVariable String extensionId, Model model) {
    DirectoryUser user = currentUser.get();
    LockboxState state = requests.visible(id, user);
    ConversationPage.ExtensionRow extension =
        ConversationPage.of(state, user, viewerTime.zone()).extensions().stream()
            .filter(e -> e.id().equals(extensionId) && e.canDecide())
            .findFirst()
            .orElse(null);
    if (extension == null) {
      return back(id); // decided meanwhile, or not this viewer's to decide: the page says which
    }
    model.addAttribute("request", state.request());
    model.addAttribute("extension", extension);
    return "portal/confirm-extension";
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
