package dev.lockbox.activities.notify;

import static dev.lockbox.activities.notify.NoticeFixtures.EXPIRES;
import static dev.lockbox.activities.notify.NoticeFixtures.NOW;
import static dev.lockbox.activities.notify.NoticeFixtures.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lockbox.workflows.activities.ApprovalNotice;
import dev.lockbox.workflows.activities.NoticeKind;
import dev.lockbox.workflows.activities.RequesterNotice;
import dev.lockbox.workflows.model.Channel;
import dev.lockbox.workflows.model.DecisionKind;
import dev.lockbox.workflows.model.DecisionRecord;
import dev.lockbox.workflows.model.Extension;
import dev.lockbox.workflows.model.ExtensionStatus;
import dev.lockbox.workflows.model.JitEvaluation;
import dev.lockbox.workflows.model.JitOutcome;
import dev.lockbox.workflows.model.Message;
import dev.lockbox.workflows.model.Question;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The emails of questions and extensions, and that each question is its own email. */
class ConversationEmailsTest {

  private static final String PAGE = NoticeFixtures.PORTAL + "/portal/requests/req-1";
  private static final Instant END = NOW.plus(Duration.ofHours(8));

  private final List<Email> sent = new ArrayList<>();
  private final EmailNotificationActivities activities =
      new EmailNotificationActivities(
          (id, kind, email) -> sent.add(email),
          new EmailRenderer(),
          NoticeFixtures.directory(),
          NoticeFixtures.signer(),
          new NotificationSettings(NoticeFixtures.PORTAL + "/"),
          new AtomicInteger()::incrementAndGet);

  @Test
  void aQuestionReachesTheEngineerWithTheQuestionAndALinkToAnswerIt() {
    activities.notifyRequester(toEngineer(NoticeKind.QUESTION_ASKED, question("q1"), null));

    Email email = sent.get(0);
    assertThat(email.to()).isEqualTo("engineer1@support.example");
    assertThat(email.subject())
        .isEqualTo("Lockbox: a question on your request for RemoteDesktop on vm-web-01 (SR-1001)");
    assertThat(email.text())
        .contains(
            "Question: Which event log?",
            "Asked by: contoso-owner at 2026-11-01 10:00 UTC",
            "Answer the question: " + PAGE);
  }

  @Test
  void eachQuestionIsItsOwnEmailWhileARetryOfOneSendsNothingTwice() {
    RequesterNotice first = toEngineer(NoticeKind.QUESTION_ASKED, question("q1"), null);

    activities.notifyRequester(first);
    activities.notifyRequester(first);
    activities.notifyRequester(toEngineer(NoticeKind.QUESTION_ASKED, question("q2"), null));

    assertThat(sent).hasSize(2);
  }

  @Test
  void anAnswerReachesTheApproversWithQuestionAnswerAndTheRequestPage() {
    Question answered =
        question("q1")
            .answeredWith(
                new Message("engineer1", Channel.API, "System log, last 24 hours", "q1"), NOW);

    activities.notifyApprovers(toApprovers(NoticeKind.QUESTION_ANSWERED, answered, null));

    Email email = sent.get(0);
    assertThat(email.to()).isEqualTo("owner@contoso.example");
    assertThat(email.text())
        .contains(
            "Question: Which event log?",
            "Answer: System log, last 24 hours",
            "Review and decide: " + PAGE);
    assertThat(email.links()).containsExactly(PAGE);
  }

  @Test
  void anExtensionAsksTheApproversForTheTimeAndTheReason() {
    activities.notifyApprovers(toApprovers(NoticeKind.EXTENSION_REQUESTED, null, extension()));

    Email email = sent.get(0);
    assertThat(email.subject())
        .isEqualTo("Lockbox: approve or deny more time for RemoteDesktop on vm-web-01 (SR-1001)");
    assertThat(email.text())
        .contains(
            "More time: 2 hours",
            "Reason: export still running",
            "Decide before: 2026-11-01 11:00 UTC");
  }

  @Test
  void anApprovedExtensionTellsTheEngineerTheNewEnd() {
    Extension approved = extension();
    DecisionRecord by =
        new DecisionRecord(DecisionKind.APPROVE, "contoso-owner", Channel.PORTAL, null, NOW);
    RequesterNotice notice =
        new RequesterNotice(
            request(),
            NoticeKind.EXTENSION_APPROVED,
            by,
            NOW,
            END.plus(Duration.ofHours(2)),
            null,
            null,
            approved);

    activities.notifyRequester(notice);

    assertThat(sent.get(0).subject()).startsWith("Lockbox: more time approved for");
    assertThat(sent.get(0).text())
        .contains("is approved.", "Access until: 2026-11-01 20:00 UTC", "By: contoso-owner")
        .doesNotContain("Comment:");
  }

  private static Question question(String id) {
    return Question.asked(
        id, Message.question("contoso-owner", Channel.PORTAL, "Which event log?"), NOW);
  }

  private static Extension extension() {
    return new Extension(
        "e1",
        "engineer1",
        Channel.API,
        Duration.ofHours(2),
        "export still running",
        NOW,
        NOW.plus(Duration.ofHours(1)),
        ExtensionStatus.PENDING,
        null,
        null,
        null);
  }

  private static RequesterNotice toEngineer(NoticeKind kind, Question q, Extension e) {
    return new RequesterNotice(request(), kind, null, NOW, END, null, q, e);
  }

  private static ApprovalNotice toApprovers(NoticeKind kind, Question q, Extension e) {
    JitEvaluation jit =
        new JitEvaluation(JitOutcome.REQUIRE_CUSTOMER_APPROVAL, "customer-data", List.of("x"));
    return new ApprovalNotice(request(), jit, List.of("contoso-owner"), EXPIRES, kind, null, q, e);
  }
}
