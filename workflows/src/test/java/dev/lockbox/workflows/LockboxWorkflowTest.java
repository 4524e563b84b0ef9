package dev.lockbox.workflows;

import static dev.lockbox.workflows.testing.FakeActivities.APPROVER;
import static dev.lockbox.workflows.testing.LockboxTestRequests.ACCESS_WINDOW;
import static dev.lockbox.workflows.testing.LockboxTestRequests.APPROVAL_WINDOW;
import static dev.lockbox.workflows.testing.LockboxTestRequests.REQUESTER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lockbox.workflows.activities.NoticeKind;
import dev.lockbox.workflows.model.Channel;
import dev.lockbox.workflows.model.Decision;
import dev.lockbox.workflows.model.DecisionKind;
import dev.lockbox.workflows.model.JitOutcome;
import dev.lockbox.workflows.model.LockboxRequest;
import dev.lockbox.workflows.model.LockboxState;
import dev.lockbox.workflows.model.LockboxStatus;
import dev.lockbox.workflows.testing.LockboxTestEnvironment;
import dev.lockbox.workflows.testing.LockboxTestRequests;
import io.temporal.api.enums.v1.EventType;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowStub;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.common.converter.DefaultDataConverter;
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class LockboxWorkflowTest {

  private final LockboxTestEnvironment test = new LockboxTestEnvironment();

  @AfterEach
  void close() {
    test.close();
  }

  @Test
  void givenPendingRequest_whenApproved_itGrantsThenRevokesExactlyAtTheEndOfTheAccessWindow() {
    LockboxWorkflow workflow = startPending("r-approve");
    test.env.sleep(Duration.ofHours(1));

    LockboxState approved = workflow.approve(byApprover("looks fine"));

    // The approve answers once access is granted (approval-answers-once-granted).
    assertThat(approved.status()).isEqualTo(LockboxStatus.ACCESS_GRANTED);
    assertThat(approved.accessGrantedAt()).isNotNull();
    assertThat(test.activities.grants).hasSize(1);
    assertThat(approved.decision().actor()).isEqualTo(APPROVER);
    assertThat(approved.decision().channel()).isEqualTo(Channel.PORTAL);
    LockboxState done = resultOf(workflow);
    assertThat(done.status()).isEqualTo(LockboxStatus.COMPLETED);
    assertThat(Duration.between(done.accessGrantedAt(), done.accessExpiresAt()))
        .isEqualTo(ACCESS_WINDOW);
    assertThat(done.revocation().actor()).isEqualTo("system");
    assertThat(done.revocation().at()).isEqualTo(done.accessExpiresAt());
    assertThat(Duration.between(done.accessExpiresAt(), done.revokedAt()))
        .isBetween(Duration.ZERO, Duration.ofSeconds(1));
    assertThat(test.activities.grants)
        .singleElement()
        .satisfies(grant -> assertThat(grant.expiresAt()).isEqualTo(done.accessExpiresAt()));
    assertThat(test.activities.revokes).containsExactly("r-approve");
  }

  @Test
  void givenPendingRequest_whenDenied_itEndsDeniedAndGrantsNothing() {
    LockboxWorkflow workflow = startPending("r-deny");

    LockboxState denied = workflow.deny(byApprover("not now"));

    assertThat(denied.status()).isEqualTo(LockboxStatus.DENIED);
    assertThat(resultOf(workflow).decision().comment()).isEqualTo("not now");
    assertThat(test.activities.grants).isEmpty();
  }

  @Test
  void givenNoDecision_whenTheApprovalWindowEnds_itExpiresExactlyThen() {
    LockboxWorkflow workflow = startPending("r-expire");

    LockboxState expired = resultOf(workflow);

    assertThat(expired.status()).isEqualTo(LockboxStatus.EXPIRED);
    assertThat(expired.decision().kind()).isEqualTo(DecisionKind.EXPIRE);
    assertThat(expired.decision().at()).isEqualTo(expired.expiresAt());
    // The window opens when the customer is notified, a moment after the request was created.
    assertThat(Duration.between(expired.createdAt(), expired.expiresAt()))
        .isBetween(APPROVAL_WINDOW, APPROVAL_WINDOW.plusSeconds(1));
    assertThat(test.activities.grants).isEmpty();
  }

  @Test
  void givenAnHourLeft_whenApproved_theExpiryTimerIsCancelled() {
    LockboxWorkflow workflow = startPending("r-last-hour");
    test.env.sleep(APPROVAL_WINDOW.minusHours(1));

    assertThat(workflow.approve(byApprover(null)).status()).isEqualTo(LockboxStatus.ACCESS_GRANTED);

    assertThat(resultOf(workflow).status()).isEqualTo(LockboxStatus.COMPLETED);
    List<EventType> events = eventTypes("r-last-hour");
    // The approval timer was cancelled; the timers that fired are the reminder and the access
    // window.
    assertThat(events).filteredOn(EventType.EVENT_TYPE_TIMER_CANCELED::equals).hasSize(1);
    assertThat(events).filteredOn(EventType.EVENT_TYPE_TIMER_FIRED::equals).hasSize(2);
  }

  @Test
  void givenOneSecondLeft_whenApproved_theDecisionCountsAndTheExpiryTimerFiresUnheeded() {
    LockboxWorkflow workflow = startPending("r-last-second");
    test.env.sleep(APPROVAL_WINDOW.minusSeconds(1));

    assertThat(workflow.approve(byApprover(null)).status()).isEqualTo(LockboxStatus.ACCESS_GRANTED);

    LockboxState end = resultOf(workflow);
    assertThat(end.status()).isEqualTo(LockboxStatus.COMPLETED);
    assertThat(end.decision().kind()).isEqualTo(DecisionKind.APPROVE);
    assertThat(test.activities.grants).hasSize(1);
    List<EventType> events = eventTypes("r-last-second");
    // Too close to its deadline to be cancelled safely (the server may fire it while the task that
    // would cancel it runs): the approval timer fires a second later, and nothing waits for it.
    assertThat(events).doesNotContain(EventType.EVENT_TYPE_TIMER_CANCELED);
    assertThat(events).filteredOn(EventType.EVENT_TYPE_TIMER_FIRED::equals).hasSize(3);
  }

  @Test
  void givenExpiredRequest_whenApproved_itIsRefused() {
    LockboxWorkflow workflow = startPending("r-late");
    resultOf(workflow);

    // A closed workflow takes no updates at all; the API turns this into 409 with the status.
    assertThatThrownBy(() -> workflow.approve(byApprover(null)))
        .isInstanceOf(WorkflowNotFoundException.class);
    assertThat(test.activities.grants).isEmpty();
  }

  @Test
  void givenApprovedRequest_whenASecondDecisionArrives_itIsRefusedWithTheCurrentStatus() {
    LockboxWorkflow workflow = startPending("r-twice");
    workflow.approve(byApprover(null));
    test.awaitStatus(workflow, LockboxStatus.ACCESS_GRANTED);

    assertThat(refusal(() -> workflow.deny(byApprover("changed my mind"))))
        .satisfies(
            f -> assertThat(f.getType()).isEqualTo(LockboxErrors.NOT_IN_EXPECTED_STATUS.name()))
        .satisfies(
            f ->
                assertThat(f.getDetails().get(String.class))
                    .isEqualTo(LockboxStatus.ACCESS_GRANTED.name()));
    assertThat(resultOf(workflow).decision().kind()).isEqualTo(DecisionKind.APPROVE);
  }

  @Test
  void givenPendingRequest_whenTheRequesterOrAStrangerApproves_itIsNotAllowed() {
    LockboxWorkflow workflow = startPending("r-self");

    assertThat(
            refusal(() -> workflow.approve(new Decision(REQUESTER, Channel.API, null))).getType())
        .isEqualTo(LockboxErrors.NOT_ALLOWED.name());
    assertThat(
            refusal(() -> workflow.approve(new Decision("fabrikam-owner", Channel.API, null)))
                .getType())
        .isEqualTo(LockboxErrors.NOT_ALLOWED.name());
    assertThat(workflow.getState().status()).isEqualTo(LockboxStatus.PENDING);
  }

  @Test
  void givenPendingRequest_whenTheRequesterCancels_itEndsCanceledWithoutAccess() {
    LockboxWorkflow workflow = startPending("r-cancel");

    assertThat(refusal(() -> workflow.cancel(byApprover(null))).getType())
        .isEqualTo(LockboxErrors.NOT_ALLOWED.name());
    LockboxState canceled = workflow.cancel(new Decision(REQUESTER, Channel.API, "solved"));

    assertThat(canceled.status()).isEqualTo(LockboxStatus.CANCELED);
    assertThat(resultOf(workflow).decision().actor()).isEqualTo(REQUESTER);
    assertThat(test.activities.grants).isEmpty();
  }

  @Test
  void givenGrantedAccess_whenRevokedEarly_itRevokesAtOnce() {
    LockboxWorkflow workflow = startPending("r-early");
    workflow.approve(byApprover(null));
    test.env.sleep(Duration.ofHours(2));

    LockboxState revoked = workflow.revoke(new Decision(REQUESTER, Channel.API, "done early"));

    assertThat(revoked.status()).isEqualTo(LockboxStatus.COMPLETED);
    assertThat(revoked.revocation().actor()).isEqualTo(REQUESTER);
    assertThat(revoked.revokedAt()).isBefore(revoked.accessExpiresAt());
    assertThat(test.activities.revokes).containsExactly("r-early");
    assertThat(eventTypes("r-early")).doesNotContain(EventType.EVENT_TYPE_TIMER_FIRED);
  }

  @Test
  void givenGrantedAccess_whenTheWorkflowIsCanceled_itStillRevokes() {
    LockboxWorkflow workflow = startPending("r-cancel-granted");
    workflow.approve(byApprover(null));
    test.env.sleep(Duration.ofMinutes(5));

    WorkflowStub.fromTyped(workflow).cancel();

    assertThatThrownBy(() -> resultOf(workflow)).isInstanceOf(WorkflowFailedException.class);
    assertThat(test.activities.revokes).containsExactly("r-cancel-granted");
    assertThat(lastRecorded().status()).isEqualTo(LockboxStatus.COMPLETED);
    assertThat(lastRecorded().revokedAt()).isNotNull();
  }

  @Test
  void givenPolicyRejects_itEndsRejectedWithoutAskingAnyone() {
    test.activities.outcome = JitOutcome.REJECT;

    LockboxState state = resultOf(test.start(LockboxTestRequests.demo("r-reject")));

    assertThat(state.status()).isEqualTo(LockboxStatus.REJECTED);
    assertThat(test.activities.notices).isEmpty();
    assertThat(test.activities.grants).isEmpty();
  }

  @Test
  void givenThePolicyCannotAnswer_itFailsClosed_rejectedWithoutAskingAnyone() {
    test.activities.policyUnavailable = true;

    LockboxState state = resultOf(test.start(LockboxTestRequests.demo("r-no-policy")));

    assertThat(state.status()).isEqualTo(LockboxStatus.REJECTED);
    assertThat(state.jit().ruleId()).isEqualTo("policy-unavailable");
    assertThat(test.activities.notices).isEmpty();
    assertThat(test.activities.grants).isEmpty();
  }

  @Test
  void givenPolicyGrantsWithoutLockbox_itGrantsWithoutAskingTheCustomer() {
    test.activities.outcome = JitOutcome.GRANT_WITHOUT_LOCKBOX;

    LockboxState state = resultOf(test.start(LockboxTestRequests.demo("r-no-lockbox")));

    assertThat(state.status()).isEqualTo(LockboxStatus.COMPLETED);
    assertThat(state.decision()).isNull();
    assertThat(test.activities.notices).isEmpty();
    assertThat(test.activities.grants).hasSize(1);
  }

  @Test
  void givenNoApprover_itRejectsInsteadOfWaitingForNobody() {
    test.activities.approvers = List.of();

    LockboxState state = resultOf(test.start(LockboxTestRequests.demo("r-nobody")));

    assertThat(state.status()).isEqualTo(LockboxStatus.REJECTED);
    assertThat(state.jit().reasons())
        .anyMatch(reason -> reason.contains("no designated Lockbox approver"));
  }

  @Test
  void givenUndeliverableEmail_theRequestStillWaitsAndShowsTheFailure() {
    test.activities.emailUndeliverable = true;

    LockboxWorkflow workflow = startPending("r-no-mail");

    LockboxState state = test.awaitState(workflow, s -> !s.notifications().isEmpty());
    assertThat(state.notifications())
        .singleElement()
        .satisfies(n -> assertThat(n.delivered()).isFalse())
        .satisfies(n -> assertThat(n.error()).contains("400"));
    assertThat(workflow.approve(byApprover(null)).status()).isEqualTo(LockboxStatus.ACCESS_GRANTED);
  }

  @Test
  void givenTheApproversEmailStillBeingSent_aDecisionIsTakenAtOnce_andTheEmailStillRecorded()
      throws Exception {
    CountDownLatch mail = test.activities.holdApproverMail();
    LockboxWorkflow workflow = startPending("r-slow-mail");

    LockboxState denied =
        CompletableFuture.supplyAsync(() -> workflow.deny(byApprover("not now")))
            .get(20, TimeUnit.SECONDS);
    assertThat(denied.status()).isEqualTo(LockboxStatus.DENIED);
    assertThat(test.activities.notices).isEmpty();

    mail.countDown();
    LockboxState done = resultOf(workflow);
    assertThat(done.status()).isEqualTo(LockboxStatus.DENIED);
    assertThat(done.notifications())
        .filteredOn(n -> n.kind().equals(NoticeKind.APPROVAL_REQUESTED.name()))
        .singleElement()
        .satisfies(n -> assertThat(n.delivered()).isTrue());
  }

  @Test
  void givenTheRequestersApprovedEmailStillBeingSent_anEarlyRevokeIsTakenAtOnce() throws Exception {
    CountDownLatch mail = test.activities.holdRequesterMail();
    LockboxWorkflow workflow = startPending("r-slow-requester-mail");
    workflow.approve(byApprover(null));
    test.awaitState(workflow, s -> s.status() == LockboxStatus.ACCESS_GRANTED);

    try {
      LockboxState revoked =
          CompletableFuture.supplyAsync(
                  () -> workflow.revoke(new Decision(REQUESTER, Channel.API, "done early")))
              .get(20, TimeUnit.SECONDS);
      assertThat(revoked.status()).isEqualTo(LockboxStatus.COMPLETED);
      assertThat(test.activities.revokes).containsExactly("r-slow-requester-mail");
      assertThat(test.activities.requesterNotices).isEmpty();
    } finally {
      mail.countDown(); // also when the revoke waited in vain: the workflow may close
    }
    assertThat(resultOf(workflow).notifications())
        .filteredOn(n -> n.kind().equals(NoticeKind.APPROVED.name()))
        .singleElement()
        .satisfies(n -> assertThat(n.delivered()).isTrue());
  }

  @Test
  void everyStatusChangeReachesTheReadModelWithAGrowingVersion() {
    LockboxWorkflow workflow = startPending("r-versions");
    workflow.deny(byApprover(null));
    resultOf(workflow);

    assertThat(test.activities.recorded)
        .extracting(LockboxState::status)
        .containsExactly(LockboxStatus.EVALUATING, LockboxStatus.PENDING, LockboxStatus.DENIED);
    assertThat(test.activities.recorded)
        .extracting(LockboxState::version)
        .containsExactly(1L, 2L, 3L);
  }

  @Test
  void
      givenNoDecision_theApproversAreRemindedOnceADayBeforeExpiry_andTheRequesterHearsOfTheExpiry() {
    LockboxWorkflow workflow = startPending("r-remind");
    test.env.sleep(APPROVAL_WINDOW.minusHours(24).plusSeconds(1));
    test.awaitState(workflow, s -> s.notifications().size() == 2);

    assertThat(test.activities.notices)
        .extracting(n -> n.kind())
        .containsExactly(NoticeKind.APPROVAL_REQUESTED, NoticeKind.REMINDER);
    LockboxState expired = resultOf(workflow);
    assertThat(test.activities.notices).hasSize(2);
    assertThat(test.activities.requesterNotices)
        .extracting(n -> n.kind())
        .containsExactly(NoticeKind.EXPIRED);
    assertThat(expired.notifications())
        .extracting(n -> n.kind())
        .containsExactly("APPROVAL_REQUESTED", "REMINDER", "EXPIRED");
  }

  @Test
  void givenADecisionBeforeTheReminder_noReminderIsEverSent() {
    LockboxWorkflow workflow = startPending("r-no-remind");
    workflow.deny(byApprover(null));

    resultOf(workflow);
    test.env.sleep(APPROVAL_WINDOW);

    assertThat(test.activities.notices)
        .extracting(n -> n.kind())
        .containsExactly(NoticeKind.APPROVAL_REQUESTED);
    assertThat(test.activities.requesterNotices)
        .extracting(n -> n.kind())
        .containsExactly(NoticeKind.DENIED);
  }

  @Test
  void givenAWindowShorterThanTheReminder_noReminderIsScheduled() {
    LockboxRequest demo = LockboxTestRequests.demo("r-short");
    LockboxRequest shortWindow =
        demo.withWindows(demo.approvalWindow(), demo.accessDuration(), null);

    LockboxState expired = resultOf(test.start(shortWindow));

    assertThat(expired.status()).isEqualTo(LockboxStatus.EXPIRED);
    assertThat(test.activities.notices)
        .extracting(n -> n.kind())
        .containsExactly(NoticeKind.APPROVAL_REQUESTED);
  }

  @Test
  void givenApproval_theRequesterHearsOfTheGrantAndOfTheRevoke() {
    LockboxWorkflow workflow = startPending("r-tell");
    workflow.approve(byApprover(null));

    resultOf(workflow);

    assertThat(test.activities.requesterNotices)
        .extracting(n -> n.kind())
        .containsExactly(NoticeKind.APPROVED, NoticeKind.REVOKED);
    assertThat(test.activities.requesterNotices.get(0).accessExpiresAt()).isNotNull();
    assertThat(test.activities.requesterNotices.get(1).decision().comment())
        .isEqualTo("access window ended");
  }

  @Test
  void everyActivityHasASummaryForTheWebUi() {
    LockboxWorkflow workflow = startPending("r-summaries");
    workflow.approve(byApprover(null));
    resultOf(workflow);

    List<String> summaries =
        test.client().fetchHistory(LockboxNames.workflowId("r-summaries")).getEvents().stream()
            // Activities and local activities (the look-ups: markers) both carry one.
            .filter(
                e ->
                    e.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED
                        || e.getEventType() == EventType.EVENT_TYPE_MARKER_RECORDED
                            && e.getMarkerRecordedEventAttributes()
                                .getMarkerName()
                                .equals("LocalActivity"))
            .map(
                e ->
                    DefaultDataConverter.STANDARD_INSTANCE.fromPayload(
                        e.getUserMetadata().getSummary(), String.class, String.class))
            .toList();

    // EVALUATING and PENDING (reached in one workflow task), APPROVED, ACCESS_GRANTED, COMPLETED.
    assertThat(summaries).filteredOn("Update the read model"::equals).hasSize(4);
    assertThat(summaries)
        .filteredOn(summary -> !summary.equals("Update the read model"))
        .containsExactly(
            "Evaluate the JIT rules",
            "Find the tenant's Lockbox approvers",
            "Email the approvers",
            "Grant access (it ends by itself at its expiry)",
            "Email the engineer",
            "Revoke access (retried until it succeeds)",
            "Email the engineer");
  }

  // ---- helpers ----

  private LockboxWorkflow startPending(String requestId) {
    LockboxWorkflow workflow = test.start(LockboxTestRequests.demo(requestId));
    assertThat(test.awaitStatus(workflow, LockboxStatus.PENDING).status())
        .isEqualTo(LockboxStatus.PENDING);
    return workflow;
  }

  private static Decision byApprover(String comment) {
    return new Decision(APPROVER, Channel.PORTAL, comment);
  }

  private static LockboxState resultOf(LockboxWorkflow workflow) {
    return WorkflowStub.fromTyped(workflow).getResult(LockboxState.class);
  }

  private LockboxState lastRecorded() {
    return test.activities.recorded.get(test.activities.recorded.size() - 1);
  }

  private List<EventType> eventTypes(String requestId) {
    WorkflowExecutionHistory history =
        test.client().fetchHistory(LockboxNames.workflowId(requestId));
    return history.getEvents().stream().map(e -> e.getEventType()).toList();
  }

  private static ApplicationFailure refusal(Runnable decision) {
    Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(decision::run);
    assertThat(thrown).isInstanceOf(WorkflowUpdateException.class);
    return LockboxErrors.refusalIn(thrown)
        .orElseThrow(() -> new AssertionError("no refusal", thrown));
  }
}
