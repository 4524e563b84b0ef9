package dev.lockbox.api.portal;

import dev.lockbox.api.problems.TooManyAttemptsException;
import dev.lockbox.api.requests.LockboxRequests;
import dev.lockbox.api.security.AttemptThrottle;
import dev.lockbox.api.security.AttemptThrottles;
import dev.lockbox.api.security.CurrentUser;
import dev.lockbox.directory.DirectoryUser;
import dev.lockbox.links.ApprovalLink;
import dev.lockbox.links.ApprovalLinkSigner;
import dev.lockbox.links.LinkCheck;
import dev.lockbox.workflows.model.Channel;
import dev.lockbox.workflows.model.DecisionKind;
import dev.lockbox.workflows.model.LockboxState;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The signed link from an approver's email. GET (and HEAD) only shows the request: mail scanners
 * open every link. Approve and deny are POST forms with a CSRF token, sent by the signed-in
 * approver the link was made for. Pages reached by a token are never cached.
 */
@Controller
class LinkController {

  private final ApprovalLinkSigner signer;
  private final LockboxRequests requests;
  private final RequestPages pages;
  private final CurrentUser currentUser;
  private final AttemptThrottle throttle;
  private final ViewerTime viewerTime;

  LinkController(
      ApprovalLinkSigner signer,
      LockboxRequests requests,
      RequestPages pages,
      CurrentUser currentUser,
      AttemptThrottles throttles,
      ViewerTime viewerTime) {
    this.signer = signer;
    this.requests = requests;
    this.pages = pages;
    this.currentUser = currentUser;
    this.throttle = throttles.links();
    this.viewerTime = viewerTime;
  }

  @GetMapping("/portal/link/{token}")
  String show(
      @PathVariable String token,
      Model model,
      HttpServletRequest request,
      HttpServletResponse response) {
    noStore(response);
    DirectoryUser user = currentUser.get();
    ApprovalLink link = usable(token, user, request.getRemoteAddr());
    LockboxState state = requests.visible(link.requestId(), user);
    return pages.request(state, user, "/portal/link/" + token, model);
  }

  @PostMapping("/portal/link/{token}/approve")
  String approve(
      @PathVariable String token,
      @RequestParam(required = false) String comment,
      @RequestParam(required = false) String approvedDuration,
      Model model,
      HttpServletRequest request,
      HttpServletResponse response) {
    return decide(
        token,
        new Asked(DecisionKind.APPROVE, comment, approvedDuration),
        model,
        request,
        response);
  }

  @PostMapping("/portal/link/{token}/deny")
  String deny(
      @PathVariable String token,
      @RequestParam(required = false) String comment,
      Model model,
      HttpServletRequest request,
      HttpServletResponse response) {
    return decide(token, new Asked(DecisionKind.DENY, comment, null), model, request, response);
  }

  /** What the approver's form sent. */
  private record Asked(DecisionKind kind, String comment, String approvedDuration) {}

  private String decide(
      String token,
      Asked asked,
      Model model,
      HttpServletRequest request,
      HttpServletResponse response) {
    noStore(response);
    DirectoryUser user = currentUser.get();
    ApprovalLink link = usable(token, user, request.getRemoteAddr());
    LockboxRequests.Outcome outcome =
        requests.tryDecide(
            link.requestId(),
            asked.kind(),
            user,
            Channel.EMAIL_LINK,
            DecisionComment.of(asked.comment()),
            asked.approvedDuration());
    return pages.result(outcome, asked.kind(), user, model);
  }

  /**
   * The link, if it is genuine, unexpired and made for this user; otherwise a clear page. Made-up
   * tokens are throttled per client and account, so nobody can search for a valid one.
   */
  private ApprovalLink usable(String token, DirectoryUser user, String client) {
    throttle
        .lockedFor(client, user.id())
        .ifPresent(
            wait -> {
              throw new TooManyAttemptsException(
                  "Too many invalid links were opened from here; try again later.", wait);
            });
    LinkCheck check = signer.check(token);
    if (check instanceof LinkCheck.Invalid) {
      throttle.failed(client, user.id());
      throw new LinkProblem(
          HttpStatus.BAD_REQUEST,
          "This link is not valid",
          "The link is damaged or was not made by this Lockbox. Open the request from the portal instead.",
          null);
    }
    if (check instanceof LinkCheck.Expired expired) {
      throw new LinkProblem(
          HttpStatus.GONE,
          "This link has expired",
          "The request's approval window closed at "
              + viewerTime.of(expired.link().expiresAt())
              + "; it can no longer be approved, and no access was granted through it.",
          expired.link().requestId());
    }
    ApprovalLink link = ((LinkCheck.Valid) check).link();
    if (!link.approverId().equals(user.id())) {
      throw new LinkProblem(
          HttpStatus.FORBIDDEN,
          "This link was sent to another approver",
          "It belongs to "
              + link.approverId()
              + ", and you are signed in as "
              + user.id()
              + ". Sign out and sign in as the addressee, or open the request from your own portal.",
          null);
    }
    return link;
  }

  private static void noStore(HttpServletResponse response) {
    response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
  }
}
