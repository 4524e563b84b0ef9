package dev.lockbox.activities.notify;

import dev.lockbox.directory.DirectoryUser;
import dev.lockbox.text.HumanText;
import dev.lockbox.workflows.activities.ApprovalNotice;
import dev.lockbox.workflows.activities.RequesterNotice;
import dev.lockbox.workflows.model.DecisionRecord;
import dev.lockbox.workflows.model.Extension;
import dev.lockbox.workflows.model.LockboxRequest;
import dev.lockbox.workflows.model.Question;

/**
 * The emails of what happens around a decision: an approver's question and the engineer's answer,
 * and the engineer's request for more time and its outcome. Each links to the request's page, where
 * the reader answers or decides after signing in.
 */
final class ConversationEmails {

  private static final int SUBJECT_MAX = 160;

  /** To approvers: a question answered, or an extension to decide. */
  Email approver(ApprovalNotice notice, DirectoryUser approver, String requesterName, String link) {
    LockboxRequest r = notice.request();
    EmailBody body = new EmailBody().paragraph("Hello " + approver.displayName() + ",");
    String subject;
    switch (notice.kind()) {
      case QUESTION_ANSWERED -> {
        Question q = notice.question();
        subject = "Lockbox: " + requesterName + " answered a question on " + what(r);
        body.paragraph(
                requesterName
                    + " answered a question about their request. It still waits"
                    + " for a decision.")
            .fact("Question", q.text())
            .fact("Asked by", q.askedBy() + " at " + HumanText.time(q.askedAt()))
            .fact("Answer", q.answer())
            .fact("Decide before", HumanText.time(notice.expiresAt()));
        body.action("Review and decide", link);
      }
      default -> {
        Extension e = notice.extension();
        subject = "Lockbox: approve or deny more time for " + what(r);
        body.paragraph(
                requesterName
                    + " holds access to your data and asks for more time."
                    + " Unless approvers approve, access ends when it was going to.")
            .fact("More time", HumanText.duration(e.duration()))
            .fact("Reason", e.reason())
            .fact("Decide before", HumanText.time(e.expiresAt()));
        body.action("Review and decide", link);
      }
    }
    facts(body, r, requesterName);
    return email(approver, subject, body);
  }

  /** To the engineer: a question to answer, or what became of their extension. */
  Email requester(RequesterNotice notice, DirectoryUser requester, String link) {
    LockboxRequest r = notice.request();
    EmailBody body = new EmailBody().paragraph("Hello " + requester.displayName() + ",");
    String subject;
    if (notice.question() != null) {
      Question q = notice.question();
      subject = "Lockbox: a question on your request for " + what(r);
      body.paragraph(
              "An approver asks a question before deciding your request. The approval"
                  + " window keeps running: answer on the request's page.")
          .fact("Question", q.text())
          .fact("Asked by", q.askedBy() + " at " + HumanText.time(q.askedAt()));
      body.action("Answer the question", link);
    } else {
      Extension e = notice.extension();
      String outcome = outcome(notice);
      subject = "Lockbox: more time " + outcome + " for " + what(r);
      body.paragraph(
              "Your request for " + HumanText.duration(e.duration()) + " more is " + outcome + ".")
          .fact("Reason", e.reason())
          .fact("Access until", HumanText.time(notice.accessExpiresAt()));
      DecisionRecord by = notice.decision() != null ? notice.decision() : e.decision();
      if (by != null) {
        body.fact("By", by.actor()).factIfAny("Comment", by.comment());
      }
      body.action("See the request", link);
    }
    facts(body, r, requester.displayName());
    return email(requester, subject, body);
  }

  private static String outcome(RequesterNotice notice) {
    return switch (notice.kind()) {
      case EXTENSION_APPROVED -> "approved";
      case EXTENSION_DENIED -> "denied";
      case EXTENSION_FAILED -> "approved but not applied by the access system";
      default -> "not decided in time";
    };
  }

  private static String what(LockboxRequest r) {
    return r.accessLevel() + " on " + r.resourceId() + " (" + r.supportTicketId() + ")";
  }

  private static void facts(EmailBody body, LockboxRequest r, String requesterName) {
    body.fact("Engineer", requesterName + " (" + r.requester() + ")")
        .fact("Support ticket", r.supportTicketId())
        .fact("Resource", r.resourceType() + " " + r.resourceId())
        .fact("Subscription", r.subscriptionId() + " (tenant " + r.tenantId() + ")");
  }

  private static Email email(DirectoryUser to, String subject, EmailBody body) {
    return new Email(
        to.email(),
        HumanText.oneLine(subject, SUBJECT_MAX),
        body.text(),
        body.html(),
        body.links());
  }
}
