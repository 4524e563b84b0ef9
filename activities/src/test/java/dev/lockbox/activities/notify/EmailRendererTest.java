package dev.lockbox.activities.notify;

import static dev.lockbox.activities.notify.NoticeFixtures.approvalNotice;
import static dev.lockbox.activities.notify.NoticeFixtures.directory;
import static dev.lockbox.activities.notify.NoticeFixtures.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lockbox.directory.DirectoryUser;
import dev.lockbox.workflows.activities.NoticeKind;
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
            "Decide before: 2026-11-05 10:00:00 UTC",
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
        .startsWith("Reminder: Lockbox request expires 2026-11-05 10:00:00 UTC");
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
    assertThat(email.text()).contains("By: contoso-owner", "Access until: 2026-11-01 18:00:00 UTC");
    assertThat(email.html()).contains("ok &lt;b&gt;go&lt;/b&gt;");
  }
}
