package dev.lockbox.activities.notify;

import static dev.lockbox.activities.notify.NoticeFixtures.approvalNotice;
import static dev.lockbox.activities.notify.NoticeFixtures.directory;
import static dev.lockbox.activities.notify.NoticeFixtures.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lockbox.directory.DirectoryUser;
import dev.lockbox.workflows.activities.ApprovalNotice;
import dev.lockbox.workflows.activities.NoticeKind;
import dev.lockbox.workflows.activities.RequesterNotice;
import dev.lockbox.workflows.model.ApprovalLevel;
import dev.lockbox.workflows.model.ApprovalProgress;
import dev.lockbox.workflows.model.Channel;
import dev.lockbox.workflows.model.DecisionKind;
import dev.lockbox.workflows.model.DecisionRecord;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class EmailRendererTest {

  private final EmailRenderer renderer = new EmailRenderer();
  private final DirectoryUser owner = directory().user("contoso-owner").orElseThrow();

  @Test
  void givenAnApprovalNotice_theEmailNamesWhoWhatTicketJustificationReasonsExpiryAndTheLink() {
    Email email =
        renderer.approval(
            approvalNotice(request(), NoticeKind.APPROVAL_REQUESTED, List.of("contoso-owner")),
            owner,
            "Erin Engineer",
            "http://portal/link/t0k3n");

    assertThat(email.to()).isEqualTo("owner@contoso.example");
    assertThat(email.subject())
        .isEqualTo("Lockbox: approve or deny RemoteDesktop on vm-web-01 (SR-1001)");
    assertThat(email.text())
        .contains(
            "Engineer: Erin Engineer (engineer1)",
            "Support ticket: SR-1001",
            "Resource: VirtualMachine vm-web-01",
            "Access: RemoteDesktop for 8 hours",
            "Justification: Customer reports RDP failures",
            "Why your approval is needed: Remote desktop reaches customer data.",
            "Decide before: 2026-11-05 10:00 UTC",
            "Review and decide: http://portal/link/t0k3n");
    assertThat(email.html()).contains("<a href=\"http://portal/link/t0k3n\">Review and decide</a>");
    assertThat(email.links()).containsExactly("http://portal/link/t0k3n");
  }

  @Test
  void givenMarkupAndLineBreaksInUserInput_theHtmlEscapesThemAndTheSubjectStaysOneLine() {
    var request =
        request("<script>alert(1)</script> & \"quotes\"", "vm-1\r\nBcc: attacker@evil.example");

    Email email =
        renderer.approval(
            approvalNotice(request, NoticeKind.APPROVAL_REQUESTED, List.of("contoso-owner")),
            owner,
            "Erin <Engineer>",
            "http://portal/link/x");

    assertThat(email.subject())
        .doesNotContain("\r", "\n")
        .contains("vm-1 Bcc: attacker@evil.example");
    assertThat(email.html())
        .doesNotContain("<script>", "Erin <Engineer>")
        .contains(
            "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;",
            "Erin &lt;Engineer&gt;");
  }

  @Test
  void givenAReminder_theSubjectSaysSoAndNamesTheExpiry() {
    Email email =
        renderer.approval(
            approvalNotice(request(), NoticeKind.REMINDER, List.of("contoso-owner")),
            owner,
            "Erin Engineer",
            "http://portal/link/x");

    assertThat(email.subject())
        .startsWith("Reminder: Lockbox request expires 2026-11-05 10:00 UTC");
  }

  @Test
  void givenBreakGlass_theEmailIsMarkedCarriesTheDeclarationAndAsksNoDecision() {
    ApprovalNotice asked =
        approvalNotice(request(), NoticeKind.BREAK_GLASS_USED, List.of("contoso-owner"));
    // A break-glass request never waits for the customer: no approval window, no expiry.
    ApprovalNotice used =
        new ApprovalNotice(
            asked.request(), asked.jit(), asked.approvers(), null, asked.kind(), null);

    Email email = renderer.approval(used, owner, "Erin Engineer", "http://portal/requests/req-1");

    assertThat(email.subject())
        .isEqualTo("Break-glass: emergency access was used: RemoteDesktop on vm-web-01 (SR-1001)");
    assertThat(email.text())
        .startsWith("Hello Casey Owner,")
        .contains(
            "BREAK-GLASS. A support engineer declared an emergency",
            "Break-glass declaration: by Erin Engineer (engineer1): Customer reports RDP failures",
            "See the request: http://portal/requests/req-1")
        .doesNotContain("Why your approval is needed", "Decide before", "Review and decide");
    assertThat(email.html()).contains("<th align=\"left\" valign=\"top\">Break-glass declaration");
  }

  @Test
  void givenAnApprovedNotice_theEngineerLearnsWhoApprovedAndUntilWhen() {
    DirectoryUser engineer = directory().user("engineer1").orElseThrow();

    Email email =
        renderer.requester(
            NoticeFixtures.approvedNotice(), engineer, "http://portal/requests/req-1");

    assertThat(email.to()).isEqualTo("engineer1@support.example");
    assertThat(email.subject())
        .isEqualTo("Lockbox request approved: RemoteDesktop on vm-web-01 (SR-1001)");
    assertThat(email.text()).contains("By: contoso-owner", "Access until: 2026-11-01 18:00 UTC");
    assertThat(email.html()).contains("ok &lt;b&gt;go&lt;/b&gt;");
  }

  @Test
  void givenTheSecondLevelIsAsked_theEmailSaysWhoApprovedAndWhichLevelAsks() {
    ApprovalNotice first =
        approvalNotice(request(), NoticeKind.APPROVAL_REQUESTED, List.of("contoso-owner"));
    ApprovalProgress progress =
        new ApprovalProgress(
            List.of(
                new ApprovalLevel(1, List.of("contoso-second")),
                new ApprovalLevel(1, List.of("contoso-owner"))),
            2,
            List.of(approval("contoso-second", 1, null)),
            null);
    ApprovalNotice second =
        new ApprovalNotice(
            first.request(),
            first.jit(),
            first.approvers(),
            first.expiresAt(),
            first.kind(),
            progress);

    Email email = renderer.approval(second, owner, "Erin Engineer", "http://portal/link/t");

    assertThat(email.subject()).endsWith("(SR-1001) (level 2 of 2)");
    assertThat(email.text())
        .contains("Approvals: 1 of 2 so far (contoso-second); level 2 of 2 asks you");
  }

  @Test
  void givenAnApproverShortenedTheAccess_theEngineersEmailSaysForHowLongAndWhoApproved() {
    RequesterNotice approved = NoticeFixtures.approvedNotice();
    ApprovalProgress progress =
        new ApprovalProgress(
            List.of(new ApprovalLevel(1, List.of("contoso-owner"))),
            1,
            List.of(approval("contoso-owner", 1, Duration.ofHours(2))),
            Duration.ofHours(2));
    RequesterNotice narrowed =
        new RequesterNotice(
            approved.request(),
            approved.kind(),
            approved.decision(),
            approved.accessGrantedAt(),
            approved.accessGrantedAt().plus(Duration.ofHours(2)),
            progress);
    DirectoryUser engineer = directory().user("engineer1").orElseThrow();

    Email email = renderer.requester(narrowed, engineer, "http://portal/requests/r");

    assertThat(email.text())
        .contains("Approved by: contoso-owner", "Approved for: 2 hours (you asked for 8 hours)");
  }

  @Test
  void givenASingleApprovalAsAsked_theEmailsSayNothingOfLevels() {
    Email email =
        renderer.approval(
            approvalNotice(request(), NoticeKind.APPROVAL_REQUESTED, List.of("contoso-owner")),
            owner,
            "Erin Engineer",
            "http://portal/link/t");

    assertThat(email.text()).doesNotContain("Approvals:", "level 1 of");
  }

  private static DecisionRecord approval(String actor, int level, Duration approved) {
    return new DecisionRecord(
        DecisionKind.APPROVE, actor, Channel.PORTAL, null, NoticeFixtures.NOW, approved, level);
  }
}
