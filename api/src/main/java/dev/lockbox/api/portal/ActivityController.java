package dev.lockbox.api.portal;

import dev.lockbox.api.audit.AuditAccess;
import dev.lockbox.api.audit.AuditEventsService;
import dev.lockbox.api.problems.InvalidRequestException;
import dev.lockbox.api.security.CurrentUser;
import dev.lockbox.audit.AuditAction;
import dev.lockbox.audit.AuditEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The activity log of the user's tenants, filterable by action: the same audit events, read from
 * the workflow histories, that the audit API and the exports carry.
 */
@Controller
class ActivityController {

  static final Duration PERIOD = Duration.ofDays(7);
  static final int MOST_EVENTS = 500;

  private final AuditEventsService auditEvents;
  private final CurrentUser currentUser;
  private final Clock clock;
  private final ViewerTime viewerTime;

  ActivityController(
      AuditEventsService auditEvents, CurrentUser currentUser, Clock clock, ViewerTime viewerTime) {
    this.auditEvents = auditEvents;
    this.currentUser = currentUser;
    this.clock = clock;
    this.viewerTime = viewerTime;
  }

  @GetMapping("/portal/activity")
  String activity(@RequestParam(required = false) String action, Model model) {
    Set<AuditAction> shown = shown(action);
    Set<String> tenants = AuditAccess.tenantScope(currentUser.get(), null);
    Instant now = clock.instant();
    AuditEventsService.EventPage page =
        auditEvents.events(
            new AuditEventsService.Filter(
                now.minus(PERIOD), now.plusSeconds(1), null, tenants, null),
            0,
            MOST_EVENTS);
    List<AuditEvent> events =
        page.items().stream()
            .filter(e -> shown.contains(e.action()))
            .sorted(Comparator.comparing(AuditEvent::time).reversed())
            .toList();
    model.addAttribute("events", events.stream().map(this::row).toList());
    model.addAttribute(
        "action",
        action == null || action.isBlank() ? null : ActivityVerb.verbOf(shown.iterator().next()));
    model.addAttribute("actions", ActivityVerb.all());
    model.addAttribute("days", PERIOD.toDays());
    model.addAttribute("truncated", page.hasMore());
    return "portal/activity";
  }

  private static Set<AuditAction> shown(String action) {
    if (action == null || action.isBlank()) {
      return Set.of(AuditAction.values());
    }
    Set<AuditAction> actions = ActivityVerb.actions(action);
    if (actions.isEmpty()) {
      throw new InvalidRequestException(
          "Unknown action " + action + "; use one of " + ActivityVerb.all() + ".");
    }
    return actions;
  }

  /** An event as the log shows it: the times in its reason written as the page's others. */
  private TimelineEvent row(AuditEvent e) {
    return new TimelineEvent(
        e.requestId(),
        e.time(),
        ActivityVerb.verbOf(e.action()),
        e.actor(),
        e.channel(),
        viewerTime.inText(e.reason()));
  }
}
