package dev.lockbox.api.portal;

import dev.lockbox.api.problems.InvalidRequestException;
import dev.lockbox.api.problems.RequestNotFoundException;
import dev.lockbox.api.requests.LockboxRequests;
import dev.lockbox.api.security.CurrentUser;
import dev.lockbox.platform.directory.DirectoryUser;
import dev.lockbox.readmodel.RequestSummary;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The activity log of the user's tenants, filterable by action. Until the audit module lands it is
 * built from the timelines of the most recent requests (each read from its workflow).
 */
@Controller
class ActivityController {

  static final int RECENT_REQUESTS = 25;

  private final LockboxRequests requests;
  private final CurrentUser currentUser;

  ActivityController(LockboxRequests requests, CurrentUser currentUser) {
    this.requests = requests;
    this.currentUser = currentUser;
  }

  @GetMapping("/portal/activity")
  String activity(@RequestParam(required = false) String action, Model model) {
    AuditAction filter = action(action);
    DirectoryUser user = currentUser.get();
    List<TimelineEvent> events =
        requests.list(user, null, 0, RECENT_REQUESTS).items().stream()
            .flatMap(summary -> timeline(summary, user))
            .filter(event -> filter == null || event.action() == filter)
            .sorted(Comparator.comparing(TimelineEvent::at, Comparator.nullsLast(Comparator.reverseOrder())))
            .toList();
    model.addAttribute("events", events);
    model.addAttribute("action", filter);
    model.addAttribute("actions", AuditAction.values());
    model.addAttribute("recent", RECENT_REQUESTS);
    return "portal/activity";
  }

  private Stream<TimelineEvent> timeline(RequestSummary summary, DirectoryUser user) {
    try {
      return Timeline.of(requests.visible(summary.requestId(), user)).stream();
    } catch (RequestNotFoundException goneMeanwhile) {
      return Stream.empty();
    }
  }

  private static AuditAction action(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    return Optional.ofNullable(AuditAction.parse(value))
        .orElseThrow(() -> new InvalidRequestException("Unknown action " + value + "; use one of "
            + Stream.of(AuditAction.values()).map(AuditAction::label).toList() + "."));
  }
}
