package dev.lockbox.api.portal;

import dev.lockbox.text.HumanText;
import dev.lockbox.workflows.model.ApprovalProgress;
import dev.lockbox.workflows.model.DecisionKind;
import dev.lockbox.workflows.model.DecisionRecord;
import dev.lockbox.workflows.model.LockboxRequest;
import dev.lockbox.workflows.model.LockboxState;
import dev.lockbox.workflows.model.NotificationRecord;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A request's timeline, derived from its workflow state: created, notified, reviewed internally,
 * decided (approve, deny, expire, cancel), granted, revoked. The state is read from the workflow,
 * so it is as current as the history it comes from.
 */
final class Timeline {

  private Timeline() {}

  /** The events in order, their times written for a viewer in {@code zone}. */
  static List<TimelineEvent> of(LockboxState s, ZoneId zone) {
    LockboxRequest r = s.request();
    List<TimelineEvent> events = new ArrayList<>();
    events.add(
        new TimelineEvent(
            r.requestId(),
            s.createdAt(),
            "Create",
            r.requester(),
            "API",
            "Asked for "
                + r.accessLevel()
                + " on "
                + r.resourceId()
                + " for "
                + HumanText.duration(r.accessDuration())));
    if (r.breakGlass()) {
      // Declared with the request itself; the audit trail records it as the engineer's, too.
      events.add(
          new TimelineEvent(
              r.requestId(),
              s.createdAt(),
              "Declare",
              r.requester(),
              "API",
              "Break-glass: emergency access without waiting for approval, because: "
                  + r.justification()));
    }
    for (NotificationRecord n : s.notifications()) {
      events.add(
          new TimelineEvent(
              r.requestId(),
              n.at(),
              "Notify",
              "system",
              "SYSTEM",
              n.kind()
                  + " email to "
                  + String.join(", ", n.recipients())
                  + (n.delivered() ? ": delivered" : ": not delivered (" + n.error() + ")")));
    }
    if (s.internalDecision() != null) {
      events.add(decided(r, s.internalDecision(), ""));
    }
    ApprovalProgress approval = s.approval();
    boolean severalApprovals = approval != null && approval.approvalsNeeded() > 1;
    if (severalApprovals) {
      for (int i = 0; i < approval.approvals().size(); i++) {
        DecisionRecord a = approval.approvals().get(i);
        String count = "approval " + (i + 1) + " of " + approval.approvalsNeeded();
        events.add(decided(r, a, count));
      }
    }
    if (s.decision() != null
        && !(severalApprovals && s.decision().kind() == DecisionKind.APPROVE)) {
      events.add(decided(r, s.decision(), ""));
    }
    if (s.accessGrantedAt() != null) {
      events.add(
          new TimelineEvent(
              r.requestId(),
              s.accessGrantedAt(),
              "Grant",
              "system",
              "SYSTEM",
              "Access granted until " + HumanText.time(s.accessExpiresAt(), zone)));
    }
    if (s.revokedAt() != null) {
      DecisionRecord by = s.revocation();
      events.add(
          new TimelineEvent(
              r.requestId(),
              s.revokedAt(),
              "Revoke",
              by == null ? "system" : by.actor(),
              by == null ? "SYSTEM" : by.channel().name(),
              by == null || by.comment() == null ? "Access revoked" : by.comment()));
    }
    events.addAll(ConversationTimeline.of(s));
    events.sort(
        Comparator.comparing(TimelineEvent::at, Comparator.nullsFirst(Comparator.naturalOrder())));
    return events;
  }

  /** A decision; {@code prefix} says what it counted for, e.g. "approval 1 of 2". */
  private static TimelineEvent decided(LockboxRequest r, DecisionRecord d, String prefix) {
    String action =
        switch (d.kind()) {
          case APPROVE -> "Approve";
          case DENY -> "Deny";
          case EXPIRE -> "Expire";
          case CANCEL -> "Cancel";
          case REVOKE -> "Revoke";
          case INTERNAL_APPROVE, INTERNAL_DENY, INTERNAL_EXPIRE -> "Internal review";
        };
    return new TimelineEvent(
        r.requestId(), d.at(), action, d.actor(), d.channel().name(), detail(d, prefix));
  }

  private static String detail(DecisionRecord d, String prefix) {
    List<String> parts = new ArrayList<>();
    if (!prefix.isEmpty()) {
      parts.add(prefix);
    }
    if (d.approvedDuration() != null) {
      parts.add("for " + HumanText.duration(d.approvedDuration()));
    }
    String facts = String.join(", ", parts);
    if (d.comment() == null || d.comment().isBlank()) {
      return facts;
    }
    return facts.isEmpty() ? d.comment() : facts + ": " + d.comment();
  }
}
