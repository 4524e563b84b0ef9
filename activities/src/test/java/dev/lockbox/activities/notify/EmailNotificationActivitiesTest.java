package dev.lockbox.activities.notify;

import static dev.lockbox.activities.notify.NoticeFixtures.approvalNotice;
import static dev.lockbox.activities.notify.NoticeFixtures.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lockbox.links.ApprovalLink;
import dev.lockbox.links.LinkCheck;
import dev.lockbox.workflows.activities.NoticeKind;
import dev.lockbox.workflows.activities.NotificationActivities;
import io.temporal.failure.ApplicationFailure;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EmailNotificationActivitiesTest {

  private final java.util.concurrent.atomic.AtomicInteger emailsFailed =
      new java.util.concurrent.atomic.AtomicInteger();

  private final DevOutbox outbox = new DevOutbox();

  @Test
  void givenTwoApprovers_eachGetsTheirOwnSignedLinkBoundToTheRequestAndItsExpiry() {
    activities(new OutboxMailer(outbox, NoticeFixtures.CLOCK))
        .notifyApprovers(
            approvalNotice(
                request(),
                NoticeKind.APPROVAL_REQUESTED,
                List.of("contoso-owner", "contoso-second")));

    List<OutboxMessage> messages = outbox.messages();
    assertThat(messages)
        .extracting(OutboxMessage::to)
        .containsExactlyInAnyOrder("owner@contoso.example", "second@contoso.example");
    for (OutboxMessage message : messages) {
      String link = message.links().get(0);
      assertThat(link).startsWith(NoticeFixtures.PORTAL + "/portal/link/");
      LinkCheck check = NoticeFixtures.signer().check(link.substring(link.lastIndexOf('/') + 1));
      String approver = message.to().startsWith("owner") ? "contoso-owner" : "contoso-second";
      assertThat(check)
          .isEqualTo(
              new LinkCheck.Valid(new ApprovalLink("req-1", approver, NoticeFixtures.EXPIRES)));
    }
  }

  @Test
  void givenARetriedActivity_noEmailIsSentTwice() {
    List<Email> sent = new ArrayList<>();
    EmailNotificationActivities activities = activities((id, kind, email) -> sent.add(email));
    var notice = approvalNotice(request(), NoticeKind.APPROVAL_REQUESTED, List.of("contoso-owner"));

    activities.notifyApprovers(notice);
    activities.notifyApprovers(notice);

    assertThat(sent).hasSize(1);
  }

  @Test
  void givenOneApproverWithoutAddress_theOthersStillGetMailAndTheActivityFailsUndeliverable() {
    List<Email> sent = new ArrayList<>();
    var notice =
        approvalNotice(
            request(), NoticeKind.APPROVAL_REQUESTED, List.of("contoso-nomail", "contoso-owner"));

    assertThatThrownBy(
            () -> activities((id, kind, email) -> sent.add(email)).notifyApprovers(notice))
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            f -> {
              assertThat(f.getType()).isEqualTo(NotificationActivities.UNDELIVERABLE);
              assertThat(f.isNonRetryable()).isTrue();
              assertThat(f.getOriginalMessage())
                  .contains("contoso-nomail: no email address in the directory")
                  .doesNotContain("@");
            });
    assertThat(sent).extracting(Email::to).containsExactly("owner@contoso.example");
    assertThat(emailsFailed).hasValue(1);
  }

  @Test
  void givenAnOutageForOneApprover_theActivityFailsRetryablyAndTheRetrySendsOnlyTheMissingEmail() {
    List<String> sent = new ArrayList<>();
    boolean[] down = {true};
    Mailer flaky =
        (id, kind, email) -> {
          if (down[0] && email.to().startsWith("second")) {
            throw ApplicationFailure.newFailure("busy", SendGridMailer.SENDGRID_UNAVAILABLE);
          }
          sent.add(email.to());
        };
    EmailNotificationActivities activities = activities(flaky);
    var notice =
        approvalNotice(
            request(), NoticeKind.APPROVAL_REQUESTED, List.of("contoso-owner", "contoso-second"));

    assertThatThrownBy(() -> activities.notifyApprovers(notice))
        .isInstanceOfSatisfying(
            ApplicationFailure.class, f -> assertThat(f.isNonRetryable()).isFalse());
    down[0] = false;
    activities.notifyApprovers(notice);

    assertThat(sent).containsExactly("owner@contoso.example", "second@contoso.example");
  }

  @Test
  void givenARequesterNotice_theEngineerGetsALinkToTheRequestPageWithoutAToken() {
    activities(new OutboxMailer(outbox, NoticeFixtures.CLOCK))
        .notifyRequester(NoticeFixtures.approvedNotice());

    assertThat(outbox.messages())
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.to()).isEqualTo("engineer1@support.example");
              assertThat(m.links())
                  .containsExactly(NoticeFixtures.PORTAL + "/portal/requests/req-1");
            });
  }

  private EmailNotificationActivities activities(Mailer mailer) {
    return new EmailNotificationActivities(
        mailer,
        new EmailRenderer(),
        NoticeFixtures.directory(),
        NoticeFixtures.signer(),
        new NotificationSettings(NoticeFixtures.PORTAL + "/"),
        emailsFailed::incrementAndGet);
  }
}
