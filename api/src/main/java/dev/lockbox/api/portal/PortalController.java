package dev.lockbox.api.portal;

import dev.lockbox.api.problems.InvalidRequestException;
import dev.lockbox.api.requests.LockboxRequests;
import dev.lockbox.api.requests.StatusFilter;
import dev.lockbox.api.security.CurrentUser;
import dev.lockbox.directory.DirectoryUser;
import dev.lockbox.directory.Role;
import dev.lockbox.readmodel.RequestSummaryRepository;
import dev.lockbox.readmodel.SummaryPage;
import dev.lockbox.readmodel.SummaryQuery;
import dev.lockbox.workflows.model.Channel;
import dev.lockbox.workflows.model.DecisionKind;
import dev.lockbox.workflows.model.LockboxStatus;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The signed-in user's portal: requests waiting for their decision and access in use now, all
 * requests, an engineer's own requests, one request, decisions.
 */
@Controller
class PortalController {

  static final int PAGE_SIZE = 20;

  private final LockboxRequests requests;
  private final RequestPages pages;
  private final CurrentUser currentUser;
  private final Clock clock;
  private final ViewerTime viewerTime;
  private final RequestSummaryRepository summaries;
  private final YourApprovals yourApprovals;

  PortalController(
      LockboxRequests requests,
      RequestPages pages,
      CurrentUser currentUser,
      Clock clock,
      ViewerTime viewerTime,
      RequestSummaryRepository summaries,
      YourApprovals yourApprovals) {
    this.requests = requests;
    this.pages = pages;
    this.currentUser = currentUser;
    this.clock = clock;
    this.viewerTime = viewerTime;
    this.summaries = summaries;
    this.yourApprovals = yourApprovals;
  }

  @GetMapping("/")
  String root() {
    return "redirect:/portal";
  }

  /**
   * Only approvers have requests waiting for them; others see their own in "All requests". Soonest
   * expiry first, in pages to the end, so the ones about to expire are never hidden; one the viewer
   * approved already (it waits for other approvers) says so.
   */
  @GetMapping("/portal")
  String home(@RequestParam(defaultValue = "0") int page, Model model) {
    DirectoryUser user = currentUser.get();
    SummaryPage pending =
        user.has(Role.CUSTOMER_APPROVER)
            ? requests.list(user, LockboxStatus.PENDING, null, page, SummaryRow.MAX_ROWS)
            : new SummaryPage(List.of(), 0, SummaryRow.MAX_ROWS, 0);
    List<SummaryRow> pendingRows = rows(pending);
    model.addAttribute("pending", pendingRows);
    model.addAttribute("approvedByYou", yourApprovals.among(pendingRows, user));
    model.addAttribute("pendingTotal", pending.total());
    model.addAttribute("page", page);
    model.addAttribute("pageSize", SummaryRow.MAX_ROWS);
    model.addAttribute("hasNext", (long) (page + 1) * SummaryRow.MAX_ROWS < pending.total());
    SummaryPage granted =
        requests.list(user, LockboxStatus.ACCESS_GRANTED, null, 0, SummaryRow.MAX_ROWS);
    model.addAttribute("granted", rows(granted));
    model.addAttribute("grantedTotal", granted.total());
    return "portal/home";
  }

  /**
   * The signed-in engineer's own requests, newest first, from the read model: every request they
   * made, whatever its tenant, each linking to its page (where a pending one can be withdrawn).
   */
  @GetMapping("/portal/mine")
  String mine(@RequestParam(defaultValue = "0") int page, Model model) {
    DirectoryUser user = currentUser.get();
    SummaryPage mine =
        summaries.find(new SummaryQuery(null, null, null, user.id(), page(page), PAGE_SIZE));
    model.addAttribute("rows", rows(mine));
    model.addAttribute("total", mine.total());
    model.addAttribute("page", page);
    model.addAttribute("pageSize", PAGE_SIZE);
    model.addAttribute("hasNext", (long) (page + 1) * PAGE_SIZE < mine.total());
    return "portal/mine";
  }

  /** A blank status is the form's "any status". */
  @GetMapping("/portal/requests")
  String list(
      @RequestParam(required = false) String status,
      @RequestParam(defaultValue = "0") int page,
      Model model) {
    LockboxStatus filter = StatusFilter.parse(status == null || status.isBlank() ? null : status);
    SummaryPage rows = requests.list(currentUser.get(), filter, null, page, PAGE_SIZE);
    model.addAttribute("rows", rows(rows));
    model.addAttribute("status", filter == null ? null : filter.name());
    model.addAttribute("statuses", LockboxStatus.values());
    model.addAttribute("page", page);
    model.addAttribute("hasNext", (long) (page + 1) * PAGE_SIZE < rows.total());
    return "portal/requests";
  }

  @GetMapping("/portal/requests/{id}")
  String detail(@PathVariable String id, Model model) {
    DirectoryUser user = currentUser.get();
    return pages.request(requests.visible(id, user), user, "/portal/requests/" + id, model);
  }

  /** {@code approvedDuration}: the form's "Approve for" choice; empty for the duration asked. */
  @PostMapping("/portal/requests/{id}/approve")
  String approve(
      @PathVariable String id,
      @RequestParam(required = false) String comment,
      @RequestParam(required = false) String approvedDuration,
      Model model) {
    LockboxRequests.Outcome outcome =
        requests.tryDecide(
            id,
            DecisionKind.APPROVE,
            currentUser.get(),
            Channel.PORTAL,
            DecisionComment.of(comment),
            approvedDuration);
    return pages.result(outcome, DecisionKind.APPROVE, currentUser.get(), model);
  }

  @PostMapping("/portal/requests/{id}/deny")
  String deny(
      @PathVariable String id, @RequestParam(required = false) String comment, Model model) {
    return decide(id, DecisionKind.DENY, comment, model);
  }

  /** Ending access early: GET only asks for confirmation; the POST below revokes. */
  @GetMapping("/portal/requests/{id}/revoke")
  String confirmRevoke(@PathVariable String id, Model model) {
    return confirm(id, DecisionKind.REVOKE, model);
  }

  @PostMapping("/portal/requests/{id}/revoke")
  String revoke(
      @PathVariable String id, @RequestParam(required = false) String comment, Model model) {
    return decide(id, DecisionKind.REVOKE, comment, model);
  }

  /** The engineer withdraws a pending request: GET only asks for confirmation. */
  @GetMapping("/portal/requests/{id}/cancel")
  String confirmCancel(@PathVariable String id, Model model) {
    return confirm(id, DecisionKind.CANCEL, model);
  }

  @PostMapping("/portal/requests/{id}/cancel")
  String cancel(
      @PathVariable String id, @RequestParam(required = false) String comment, Model model) {
    return decide(id, DecisionKind.CANCEL, comment, model);
  }

  /** Unknown portal addresses get the portal's own 404 page rather than a JSON problem. */
  @RequestMapping("/portal/**")
  String unknown() {
    throw new PageNotFoundException();
  }

  private List<SummaryRow> rows(SummaryPage page) {
    return SummaryRow.of(page, clock.instant(), viewerTime.zone());
  }

  /** A page number a form or a hand-typed address may carry: never negative. */
  private static int page(int page) {
    if (page < 0) {
      throw new InvalidRequestException("The page number is 0 or more.");
    }
    return page;
  }

  private String confirm(String id, DecisionKind kind, Model model) {
    DirectoryUser user = currentUser.get();
    return pages.confirm(requests.visible(id, user), user, kind, model);
  }

  private String decide(String id, DecisionKind kind, String comment, Model model) {
    DirectoryUser user = currentUser.get();
    LockboxRequests.Outcome outcome =
        requests.tryDecide(id, kind, user, Channel.PORTAL, DecisionComment.of(comment));
    return pages.result(outcome, kind, user, model);
  }
}
