package dev.lockbox.activities.notify;

import dev.lockbox.directory.DirectoryUser;
import dev.lockbox.text.HumanText;
import dev.lockbox.workflows.activities.ApprovalNotice;
import dev.lockbox.workflows.activities.NoticeKind;
import dev.lockbox.workflows.activities.RequesterNotice;
import dev.lockbox.workflows.model.DecisionRecord;
import dev.lockbox.workflows.model.LockboxRequest;
import java.util.Locale;

/** Writes the Lockbox emails. Subjects hold no line breaks from user input. */
public class EmailRenderer {

  private static final int SUBJECT_MAX = 160;

  private final ConversationEmails conversation = new ConversationEmails();

  /** The email one approver gets; {@code link} is their own signed link (or the request page). */
  public Email approval(
      ApprovalNotice notice, DirectoryUser approver, String requesterName, String link) {
    if (notice.itemId() != null) {
      return conversation.approver(notice, approver, requesterName, link);
    }
    LockboxRequest r = notice.request();
    String what = r.accessLevel() + " on " + r.resourceId() + " (" + r.supportTicketId() + ")";
    EmailBody body = new EmailBody().paragraph("Hello " + approver.displayName() + ",");
    String subject;
    switch (notice.kind()) {
      case REMINDER -> {
        subject =
            "Reminder: Lockbox request expires " + HumanText.time(notice.expiresAt()) + ": " + what;
        body.paragraph(
            "A support engineer's request for access to your data still waits for a decision. "
                + "Unanswered, it expires at "
                + HumanText.time(notice.expiresAt())
                + " and no access is granted.");
      }
      case BREAK_GLASS_USED -> {
        subject = "Break-glass: emergency access was used: " + what;
        body.paragraph(
            "BREAK-GLASS. A support engineer declared an emergency and took access without "
                + "waiting for approval: nobody was asked. Lockbox records it and tells you; you "
                + "can review it and end the access early on the request page.");
      }
      default -> {
        subject = "Lockbox: approve or deny " + what + ApprovalText.levelSuffix(notice.approval());
        body.paragraph(
            "A support engineer asks for access to your data. Nothing is granted unless an "
                + "approver of your organisation approves.");
      }
    }
    facts(body, r, requesterName);
    switch (notice.kind()) {
      case BREAK_GLASS_USED ->
          // Nobody decides a break-glass request: no reasons to approve, no deadline.
          body.fact(
                  "Break-glass declaration",
                  "by " + requesterName + " (" + r.requester() + "): " + r.justification())
              .action("See the request", link);
      default ->
          body.fact("Why your approval is needed", String.join(" ", notice.jit().reasons()))
              .factIfAny("Approvals", ApprovalText.progress(notice.approval()))
              .fact("Decide before", HumanText.time(notice.expiresAt()))
              .action("Review and decide", link)
              .note(
                  "This link is for "
                      + approver.displayName()
                      + " only and ends when the request expires. "
                      + "Opening it decides nothing: you approve or deny on the page, after signing in.");
    }
    return new Email(
        approver.email(),
        HumanText.oneLine(subject, SUBJECT_MAX),
        body.text(),
        body.html(),
        body.links());
  }

  /** The email the engineer gets when their request is approved, denied, expires or is revoked. */
  public Email requester(RequesterNotice notice, DirectoryUser requester, String link) {
    if (notice.itemId() != null) {
      return conversation.requester(notice, requester, link);
    }
    LockboxRequest r = notice.request();
    String outcome = notice.kind().name().toLowerCase(Locale.ROOT);
    String subject =
        "Lockbox request "
            + outcome
            + ": "
            + r.accessLevel()
            + " on "
            + r.resourceId()
            + " ("
            + r.supportTicketId()
            + ")";
    EmailBody body =
        new EmailBody()
            .paragraph("Hello " + requester.displayName() + ",")
            .paragraph(
                "Your Lockbox request for "
                    + r.accessLevel()
                    + " on "
                    + r.resourceId()
                    + " is "
                    + outcome
                    + ".");
    DecisionRecord d = notice.decision();
    if (d != null) {
      body.fact("By", d.actor()).fact("At", HumanText.time(d.at())).fact("Comment", d.comment());
    }
    if (notice.accessExpiresAt() != null && notice.kind() == NoticeKind.APPROVED) {
      body.factIfAny("Approved by", ApprovalText.approvers(notice.approval()))
          .factIfAny(
              "Approved for", ApprovalText.approvedFor(notice.approval(), r.accessDuration()))
          .fact("Access from", HumanText.time(notice.accessGrantedAt()))
          .fact("Access until", HumanText.time(notice.accessExpiresAt()));
    }
    facts(body, r, requester.displayName()).action("See the request", link);
    return new Email(
        requester.email(),
        HumanText.oneLine(subject, SUBJECT_MAX),
        body.text(),
        body.html(),
        body.links());
  }

  private static EmailBody facts(EmailBody body, LockboxRequest r, String requesterName) {
    return body.fact("Engineer", requesterName + " (" + r.requester() + ")")
        .fact("Support ticket", r.supportTicketId())
        .fact("Resource", r.resourceType() + " " + r.resourceId())
        .fact("Subscription", r.subscriptionId() + " (tenant " + r.tenantId() + ")")
        .fact("Access", r.accessLevel() + " for " + HumanText.duration(r.accessDuration()))
        .fact("Justification", r.justification());
  }
}
