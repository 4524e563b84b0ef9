package dev.lockbox.workflows;

import static dev.lockbox.workflows.testing.LockboxTestRequests.ACCESS_WINDOW;
import static dev.lockbox.workflows.testing.LockboxTestRequests.REQUESTER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.lockbox.workflows.activities.NoticeKind;
import dev.lockbox.workflows.activities.RequesterNotice;
import dev.lockbox.workflows.model.ApprovalLevel;
import dev.lockbox.workflows.model.Channel;
import dev.lockbox.workflows.model.Decision;
import dev.lockbox.workflows.model.Extension;
import dev.lockbox.workflows.model.ExtensionDecision;
import dev.lockbox.workflows.model.ExtensionRequest;
import dev.lockbox.workflows.model.ExtensionStatus;
import dev.lockbox.workflows.model.LockboxState;
import dev.lockbox.workflows.model.LockboxStatus;
import dev.lockbox.workflows.model.Message;
import dev.lockbox.workflows.model.Question;
import dev.lockbox.workflows.testing.FakeActivities;
import dev.lockbox.workflows.testing.LockboxTestEnvironment;
import dev.lockbox.workflows.testing.LockboxTestRequests;
import io.temporal.client.WorkflowStub;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Questions and extensions ({@link Features#EXTENSIONS_AND_QUESTIONS}). */
@Timeout(60)
class ExtensionsAndQuestionsWorkflowTest {

  private static final String APPROVER = FakeActivities.APPROVER;
  private static final String OWNER = "northwind-owner";
  private static final String SECURITY = "northwind-security";

  private final LockboxTestEnvironment test = new LockboxTestEnvironment();

  @AfterEach
  void close() {
    test.close();
  }

  // ---- questions ----

  @Test
  void anApproverAsks_theEngineerHearsOfIt_andTheAnswerGoesToWhoAsked() {
    LockboxWorkflow workflow = pending("qa-1");

    LockboxState asked = workflow.askQuestion(question(APPROVER, "Which event log?"));

    Question q = asked.questions().get(0);
    assertThat(q.id()).isEqualTo("q1");
    assertThat(q.askedBy()).isEqualTo(APPROVER);
    assertThat(q.answered()).isFalse();
    assertThat(asked.status()).isEqualTo(LockboxStatus.PENDING);
    RequesterNotice notice = awaitRequesterNotice(NoticeKind.QUESTION_ASKED);
    assertThat(notice.question().text()).isEqualTo("Which event log?");

    LockboxState answered = workflow.answerQuestion(answer(REQUESTER, "q1", "System, last 24h"));

    assertThat(answered.questions().get(0).answer()).isEqualTo("System, last 24h");
    assertThat(answered.questions().get(0).answeredAt()).isNotNull();
    test.awaitState(workflow, s -> test.activities.notices.size() >= 2);
    assertThat(test.activities.notices.get(1).kind()).isEqualTo(NoticeKind.QUESTION_ANSWERED);
    assertThat(test.activities.notices.get(1).approvers()).containsExactly(APPROVER);
    assertThat(test.activities.notices.get(1).question().answer()).isEqualTo("System, last 24h");
    assertThat(workflow.approve(decision(APPROVER)).status())
        .isEqualTo(LockboxStatus.ACCESS_GRANTED);
  }

  @Test
  void aQuestionDoesNotStopTheApprovalWindow() {
    LockboxWorkflow workflow = pending("qa-window");
    workflow.askQuestion(question(APPROVER, "Why RDP and not logs?"));

    test.env.sleep(LockboxTestRequests.APPROVAL_WINDOW.plusMinutes(1));

    LockboxState end = resultOf(workflow);
    assertThat(end.status()).isEqualTo(LockboxStatus.EXPIRED);
    assertThat(end.decision().at()).isEqualTo(end.expiresAt());
    assertThat(end.questions()).singleElement().extracting(Question::answered).isEqualTo(false);
  }

  @Test
  void onlyApproversAsk_onlyTheEngineerAnswers_andOnlyOnce() {
    LockboxWorkflow workflow = pending("qa-who");

    assertThat(refusal(() -> workflow.askQuestion(question(REQUESTER, "me?"))).getType())
        .isEqualTo(LockboxErrors.NOT_ALLOWED.name());
    assertThat(refusal(() -> workflow.askQuestion(question("stranger", "?"))).getType())
        .isEqualTo(LockboxErrors.NOT_ALLOWED.name());
    assertThat(refusal(() -> workflow.askQuestion(question(APPROVER, " "))).getType())
        .isEqualTo(LockboxErrors.INVALID_DECISION.name());
    workflow.askQuestion(question(APPROVER, "Which VM?"));
    assertThat(refusal(() -> workflow.answerQuestion(answer(APPROVER, "q1", "x"))).getType())
        .isEqualTo(LockboxErrors.NOT_ALLOWED.name());
    assertThat(refusal(() -> workflow.answerQuestion(answer(REQUESTER, "q9", "x"))).getType())
        .isEqualTo(LockboxErrors.NO_SUCH_ITEM.name());
    workflow.answerQuestion(answer(REQUESTER, "q1", "vm-web-01"));
    assertThat(refusal(() -> workflow.answerQuestion(answer(REQUESTER, "q1", "again"))).getType())
        .isEqualTo(LockboxErrors.NOT_IN_EXPECTED_STATUS.name());
    assertThat(workflow.getState().questions())
        .singleElement()
        .extracting(Question::answer)
        .isEqualTo("vm-web-01");
  }

  @Test
  void aRequestTakesAtMostItsNumberOfQuestions() {
    LockboxWorkflow workflow = pending("qa-many");
    for (int i = 0; i < Questions.MAX_QUESTIONS; i++) {
      workflow.askQuestion(question(APPROVER, "question " + i));
    }

    ApplicationFailure refused =
        refusal(() -> workflow.askQuestion(question(APPROVER, "one more")));

    assertThat(refused.getOriginalMessage())
        .contains("its " + Questions.MAX_QUESTIONS + " questions");
    assertThat(workflow.getState().questions()).hasSize(Questions.MAX_QUESTIONS);
  }

  // ---- extensions ----

  @Test
  void anApprovedExtensionMovesTheEndAndTheRevokeFollowsIt() {
    LockboxWorkflow workflow = granted("ext-approve");
    Instant end = workflow.getState().accessExpiresAt();

    LockboxState asked = workflow.requestExtension(extension(Duration.ofHours(2), "still digging"));

    Extension e1 = asked.extensions().get(0);
    assertThat(e1.id()).isEqualTo("e1");
    assertThat(e1.status()).isEqualTo(ExtensionStatus.PENDING);
    assertThat(e1.expiresAt())
        .isEqualTo(e1.requestedAt().plus(LockboxTestRequests.EXTENSION_APPROVAL_WINDOW));
    test.awaitState(workflow, s -> extensionNotices() == 1);

    LockboxState approved = workflow.approveExtension(onExtension("e1", APPROVER));

    assertThat(approved.accessExpiresAt()).isEqualTo(end.plus(Duration.ofHours(2)));
    assertThat(approved.extensions().get(0).status()).isEqualTo(ExtensionStatus.APPROVED);
    assertThat(approved.extensions().get(0).accessExpiresAt())
        .isEqualTo(end.plus(Duration.ofHours(2)));
    assertThat(test.activities.extensions)
        .singleElement()
        .satisfies(x -> assertThat(x.expiresAt()).isEqualTo(end.plus(Duration.ofHours(2))));

    test.env.sleep(ACCESS_WINDOW.plusMinutes(5));
    assertThat(workflow.getState().status()).isEqualTo(LockboxStatus.ACCESS_GRANTED);
    test.env.sleep(Duration.ofHours(2));
    LockboxState done = resultOf(workflow);
    assertThat(done.status()).isEqualTo(LockboxStatus.COMPLETED);
    assertThat(done.revokedAt()).isAfterOrEqualTo(end.plus(Duration.ofHours(2)));
    assertThat(done.revocation().at()).isEqualTo(end.plus(Duration.ofHours(2)));
    assertThat(requesterNoticeKinds()).contains(NoticeKind.EXTENSION_APPROVED);
  }

  @Test
  void aDeniedExtensionLeavesTheEndWhereItWas() {
    LockboxWorkflow workflow = granted("ext-deny");
    Instant end = workflow.getState().accessExpiresAt();
    workflow.requestExtension(extension(Duration.ofHours(2), "more logs"));

    LockboxState denied = workflow.denyExtension(onExtension("e1", APPROVER));

    assertThat(denied.extensions().get(0).status()).isEqualTo(ExtensionStatus.DENIED);
    assertThat(denied.accessExpiresAt()).isEqualTo(end);
    LockboxState done = resultOf(workflow);
    assertThat(done.revocation().at()).isEqualTo(end);
    assertThat(test.activities.extensions).isEmpty();
    assertThat(requesterNoticeKinds()).contains(NoticeKind.EXTENSION_DENIED);
  }

  @Test
  void anApprovedExtensionTheAccessSystemDoesNotTakeFailsAndAccessEndsAtTheOldEnd() {
    test.activities.extensionRefused = true;
    LockboxWorkflow workflow = granted("ext-refused");
    Instant end = workflow.getState().accessExpiresAt();
    workflow.requestExtension(extension(Duration.ofHours(2), "more logs"));

    LockboxState after = workflow.approveExtension(onExtension("e1", APPROVER));

    Extension e1 = after.extensions().get(0);
    assertThat(e1.status()).isEqualTo(ExtensionStatus.FAILED);
    assertThat(e1.decision().comment())
        .contains("approved by " + APPROVER, "did not take the new end", "answered 400");
    assertThat(after.accessExpiresAt()).isEqualTo(end);
    LockboxState done = resultOf(workflow);
    assertThat(done.revocation().at()).isEqualTo(end);
    assertThat(requesterNoticeKinds()).contains(NoticeKind.EXTENSION_FAILED);
  }

  @Test
  void anUnansweredExtensionExpiresOnItsOwnWindowAndAnotherMayBeAsked() {
    LockboxWorkflow workflow = granted("ext-expire");
    Instant end = workflow.getState().accessExpiresAt();
    workflow.requestExtension(extension(Duration.ofHours(1), "first try"));

    test.env.sleep(LockboxTestRequests.EXTENSION_APPROVAL_WINDOW.plusMinutes(1));

    LockboxState state = workflow.getState();
    assertThat(state.extensions().get(0).status()).isEqualTo(ExtensionStatus.EXPIRED);
    assertThat(state.accessExpiresAt()).isEqualTo(end);
    assertThat(requesterNoticeKinds()).contains(NoticeKind.EXTENSION_EXPIRED);
    LockboxState again = workflow.requestExtension(extension(Duration.ofHours(1), "second try"));
    assertThat(again.extensions()).extracting(Extension::id).containsExactly("e1", "e2");
  }

  @Test
  void extensionsAreCappedByThePolicyAndOneWaitsAtATime() {
    LockboxWorkflow workflow = granted("ext-cap");

    ApplicationFailure tooMuch =
        refusal(
            () ->
                workflow.requestExtension(
                    extension(FakeActivities.MAX_EXTENSION.plusMinutes(1), "a day and a bit")));
    assertThat(tooMuch.getType()).isEqualTo(LockboxErrors.INVALID_DECISION.name());
    assertThat(tooMuch.getOriginalMessage()).contains("at most PT24H");

    workflow.requestExtension(extension(Duration.ofHours(20), "long job"));
    assertThat(
            refusal(() -> workflow.requestExtension(extension(Duration.ofHours(1), "and more")))
                .getOriginalMessage())
        .contains("e1 still waits");
    workflow.approveExtension(onExtension("e1", APPROVER));

    ApplicationFailure overCap =
        refusal(() -> workflow.requestExtension(extension(Duration.ofHours(5), "five more")));
    assertThat(overCap.getOriginalMessage()).contains("PT20H are approved already");
  }

  @Test
  void aRequestIsExtendedAtMostItsNumberOfTimes() {
    LockboxWorkflow workflow = granted("ext-many");
    for (int i = 1; i <= Extensions.MAX_EXTENSIONS; i++) {
      workflow.requestExtension(extension(Duration.ofMinutes(30), "one more half hour"));
      workflow.denyExtension(onExtension("e" + i, APPROVER));
    }

    ApplicationFailure refused =
        refusal(() -> workflow.requestExtension(extension(Duration.ofMinutes(30), "again")));

    assertThat(refused.getOriginalMessage()).contains("extended " + Extensions.MAX_EXTENSIONS);
  }

  @Test
  void onlyTheEngineerAsksAndOnlyApproversDecide() {
    LockboxWorkflow workflow = granted("ext-who");

    assertThat(
            refusal(
                    () ->
                        workflow.requestExtension(
                            new ExtensionRequest(
                                APPROVER, Channel.API, Duration.ofHours(1), "for them")))
                .getType())
        .isEqualTo(LockboxErrors.NOT_ALLOWED.name());
    workflow.requestExtension(extension(Duration.ofHours(1), "mine"));
    assertThat(refusal(() -> workflow.approveExtension(onExtension("e1", REQUESTER))).getType())
        .isEqualTo(LockboxErrors.NOT_ALLOWED.name());
    assertThat(refusal(() -> workflow.denyExtension(onExtension("e1", "stranger"))).getType())
        .isEqualTo(LockboxErrors.NOT_ALLOWED.name());
    assertThat(refusal(() -> workflow.approveExtension(onExtension("e7", APPROVER))).getType())
        .isEqualTo(LockboxErrors.NO_SUCH_ITEM.name());
  }

  @Test
  void anExtensionNeedsTheSameLevelsAsTheRequest() {
    test.activities.approvalLevels = List.of(new ApprovalLevel(2, List.of(OWNER, SECURITY)));
    LockboxWorkflow workflow = pending("ext-levels");
    workflow.approve(decision(OWNER));
    workflow.approve(decision(SECURITY));
    Instant end = workflow.getState().accessExpiresAt();
    workflow.requestExtension(extension(Duration.ofHours(1), "one more hour"));

    LockboxState half = workflow.approveExtension(onExtension("e1", OWNER));

    assertThat(half.extensions().get(0).status()).isEqualTo(ExtensionStatus.PENDING);
    assertThat(half.accessExpiresAt()).isEqualTo(end);
    assertThat(refusal(() -> workflow.approveExtension(onExtension("e1", OWNER))).getType())
        .isEqualTo(LockboxErrors.ALREADY_APPROVED.name());
    LockboxState approved = workflow.approveExtension(onExtension("e1", SECURITY));
    assertThat(approved.accessExpiresAt()).isEqualTo(end.plus(Duration.ofHours(1)));
    assertThat(approved.extensions().get(0).approval().approvals()).hasSize(2);
  }

  @Test
  void anExtensionStillPendingWhenAccessIsRevokedEndsWithIt() {
    LockboxWorkflow workflow = granted("ext-revoke");
    workflow.requestExtension(extension(Duration.ofHours(1), "maybe"));

    workflow.revoke(decision(REQUESTER));

    LockboxState done = resultOf(workflow);
    assertThat(done.extensions().get(0).status()).isEqualTo(ExtensionStatus.EXPIRED);
    assertThat(done.extensions().get(0).decision().comment()).contains("access ended");
    assertThat(test.activities.extensions).isEmpty();
  }

  @Test
  void breakGlassAccessCannotBeExtended() {
    LockboxWorkflow workflow = test.start(LockboxTestRequests.breakGlass("ext-bg"));
    test.awaitStatus(workflow, LockboxStatus.ACCESS_GRANTED);

    ApplicationFailure refused =
        refusal(
            () ->
                workflow.requestExtension(
                    new ExtensionRequest("oncall1", Channel.API, Duration.ofHours(1), "more")));

    assertThat(refused.getOriginalMessage()).contains("without the customer's approval");
  }

  // ---- helpers ----

  private LockboxWorkflow pending(String requestId) {
    LockboxWorkflow workflow = test.start(LockboxTestRequests.demo(requestId));
    test.awaitStatus(workflow, LockboxStatus.PENDING);
    return workflow;
  }

  private LockboxWorkflow granted(String requestId) {
    LockboxWorkflow workflow = pending(requestId);
    assertThat(workflow.approve(decision(APPROVER)).status())
        .isEqualTo(LockboxStatus.ACCESS_GRANTED);
    return workflow;
  }

  private long extensionNotices() {
    return test.activities.notices.stream()
        .filter(n -> n.kind() == NoticeKind.EXTENSION_REQUESTED)
        .count();
  }

  private List<NoticeKind> requesterNoticeKinds() {
    return test.activities.requesterNotices.stream().map(RequesterNotice::kind).toList();
  }

  private RequesterNotice awaitRequesterNotice(NoticeKind kind) {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (System.nanoTime() < deadline) {
      for (RequesterNotice notice : test.activities.requesterNotices) {
        if (notice.kind() == kind) {
          return notice;
        }
      }
      Thread.onSpinWait();
    }
    throw new AssertionError("no " + kind + " notice");
  }

  private static Message question(String actor, String text) {
    return Message.question(actor, Channel.PORTAL, text);
  }

  private static Message answer(String actor, String questionId, String text) {
    return new Message(actor, Channel.API, text, questionId);
  }

  private static ExtensionRequest extension(Duration duration, String reason) {
    return new ExtensionRequest(REQUESTER, Channel.API, duration, reason);
  }

  private static ExtensionDecision onExtension(String extensionId, String actor) {
    return new ExtensionDecision(extensionId, decision(actor));
  }

  private static Decision decision(String actor) {
    return new Decision(actor, Channel.PORTAL, null);
  }

  private static LockboxState resultOf(LockboxWorkflow workflow) {
    return WorkflowStub.fromTyped(workflow).getResult(LockboxState.class);
  }

  private static ApplicationFailure refusal(Runnable message) {
    Throwable thrown = catchThrowable(message::run);
    assertThat(thrown).isInstanceOf(WorkflowUpdateException.class);
    return LockboxErrors.refusalIn(thrown)
        .orElseThrow(() -> new AssertionError("no refusal", thrown));
  }
}
