package dev.lockbox.api.portal;

import dev.lockbox.text.HumanText;
import dev.lockbox.workflows.model.DecisionKind;
import dev.lockbox.workflows.model.DecisionRecord;
import dev.lockbox.workflows.model.Extension;
import dev.lockbox.workflows.model.LockboxState;
import dev.lockbox.workflows.model.Question;
import java.util.ArrayList;
import java.util.List;

/** The timeline's questions, answers and extensions, from the workflow state. */
final class ConversationTimeline {

  private ConversationTimeline() {}

  static List<TimelineEvent> of(LockboxState s) {
    String id = s.request().requestId();
    List<TimelineEvent> events = new ArrayList<>();
    for (Question q : s.questions()) {
      events.add(
          new TimelineEvent(
              id,
              q.askedAt(),
              "Question",
              q.askedBy(),
              q.channel().name(),
              q.id() + ": " + q.text()));
      if (q.answered()) {
        events.add(
            new TimelineEvent(
                id,
                q.answeredAt(),
                "Answer",
                s.request().requester(),
                q.answerChannel().name(),
                q.id() + ": " + q.answer()));
      }
    }
    for (Extension e : s.extensions()) {
      events.add(
          new TimelineEvent(
              id,
              e.requestedAt(),
              "Extension asked",
              e.requestedBy(),
              e.channel().name(),
              e.id() + ": " + HumanText.duration(e.duration()) + " more: " + e.reason()));
      if (e.approval() != null) {
        for (DecisionRecord a : e.approval().approvals()) {
          events.add(decided(id, e, a, "Extension approval"));
        }
      }
      DecisionRecord d = e.decision();
      if (d != null && d.kind() != DecisionKind.APPROVE) {
        events.add(decided(id, e, d, ended(e)));
      }
    }
    return events;
  }

  private static String ended(Extension e) {
    return switch (e.status()) {
      case DENIED -> "Extension denied";
      case FAILED -> "Extension failed";
      default -> "Extension expired";
    };
  }

  private static TimelineEvent decided(String id, Extension e, DecisionRecord d, String action) {
    String comment = d.comment() == null || d.comment().isBlank() ? "" : ": " + d.comment();
    return new TimelineEvent(id, d.at(), action, d.actor(), d.channel().name(), e.id() + comment);
  }
}
