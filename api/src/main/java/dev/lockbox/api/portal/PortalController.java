package dev.lockbox.api.portal;

import dev.lockbox.api.problems.InvalidRequestException;
import dev.lockbox.api.requests.LockboxRequests;
import dev.lockbox.api.security.CurrentUser;
import dev.lockbox.directory.Directory;
import dev.lockbox.directory.DirectoryUser;
import dev.lockbox.directory.Role;
import dev.lockbox.readmodel.SummaryPage;
import dev.lockbox.workflows.model.Channel;
import dev.lockbox.workflows.model.DecisionKind;
import dev.lockbox.workflows.model.LockboxState;
import dev.lockbox.workflows.model.LockboxStatus;
import java.time.Clock;
import java.util.Arrays;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The signed-in approver's portal: pending requests, all requests, one request, decisions. */
@Controller
class PortalController {

  static final int PAGE_SIZE = 20;
  static final int MAX_COMMENT = 1000;

  private final LockboxRequests requests;
  private final CurrentUser currentUser;
  private final Directory directory;
  private final Clock clock;

  PortalController(
      LockboxRequests requests, CurrentUser currentUser, Directory directory, Clock clock) {
    this.requests = requests;
    this.currentUser = currentUser;
    this.directory = directory;
    this.clock = clock;
  }

  @GetMapping("/")
  String root() {
    return "redirect:/portal";
  }

  /** Only approvers have requests waiting for them; others see their own in "All requests". */
  @GetMapping("/portal")
  String home(Model model) {
    DirectoryUser user = currentUser.get();
    SummaryPage pending =
        user.has(Role.CUSTOMER_APPROVER)
            ? requests.list(user, LockboxStatus.PENDING.name(), null, 0, SummaryRow.MAX_ROWS)
            : new SummaryPage(java.util.List.of(), 0, SummaryRow.MAX_ROWS, 0);
    model.addAttribute("pending", SummaryRow.of(pending, clock.instant()));
    model.addAttribute("pendingTotal", pending.total());
    return "portal/home";
  }

  @GetMapping("/portal/requests")
  String list(
      @RequestParam(required = false) String status,
      @RequestParam(defaultValue = "0") int page,
      Model model) {
    String filter = status == null || status.isBlank() ? null : statusFilter(status);
    SummaryPage rows = requests.list(currentUser.get(), filter, null, page, PAGE_SIZE);
    model.addAttribute("rows", SummaryRow.of(rows, clock.instant()));
    model.addAttribute("status", filter);
    model.addAttribute("statuses", LockboxStatus.values());
    model.addAttribute("page", page);
    model.addAttribute("hasNext", (long) (page + 1) * PAGE_SIZE < rows.total());
    return "portal/requests";
  }

  @GetMapping("/portal/requests/{id}")
  String detail(@PathVariable String id, Model model) {
    DirectoryUser user = currentUser.get();
    LockboxState state = requests.visible(id, user);
    model.addAttribute(
        "page", RequestPage.of(state, directory, requests.mayDecide(user, state), clock.instant()));
    model.addAttribute("actionBase", "/portal/requests/" + id);
    return "portal/request";
  }

  @PostMapping("/portal/requests/{id}/approve")
  String approve(
      @PathVariable String id, @RequestParam(required = false) String comment, Model model) {
    return decide(id, DecisionKind.APPROVE, comment, model);
  }

  @PostMapping("/portal/requests/{id}/deny")
  String deny(
      @PathVariable String id, @RequestParam(required = false) String comment, Model model) {
    return decide(id, DecisionKind.DENY, comment, model);
  }

  /** Unknown portal addresses get the portal's own 404 page rather than a JSON problem. */
  @RequestMapping("/portal/**")
  String unknown() {
    throw new PageNotFoundException();
  }

  private String decide(String id, DecisionKind kind, String comment, Model model) {
    DirectoryUser user = currentUser.get();
    LockboxRequests.Outcome outcome =
        requests.decide(id, kind, user, Channel.PORTAL, comment(comment));
    return result(outcome, kind, user, model);
  }

  String result(
      LockboxRequests.Outcome outcome, DecisionKind kind, DirectoryUser user, Model model) {
    model.addAttribute("page", RequestPage.of(outcome.state(), directory, false, clock.instant()));
    model.addAttribute("taken", outcome.taken());
    model.addAttribute("kind", kind.name().toLowerCase(java.util.Locale.ROOT));
    return "portal/result";
  }

  static String comment(String comment) {
    if (comment == null || comment.isBlank()) {
      return null;
    }
    if (comment.length() > MAX_COMMENT) {
      throw new InvalidRequestException("A comment has at most " + MAX_COMMENT + " characters.");
    }
    return comment.strip();
  }

  private static String statusFilter(String status) {
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
}
