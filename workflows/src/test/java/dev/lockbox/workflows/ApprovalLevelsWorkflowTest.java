package dev.lockbox.workflows;

import static dev.lockbox.workflows.testing.LockboxTestRequests.ACCESS_WINDOW;
import static dev.lockbox.workflows.testing.LockboxTestRequests.REQUESTER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.lockbox.workflows.activities.ApprovalNotice;
import dev.lockbox.workflows.activities.NoticeKind;
import dev.lockbox.workflows.model.ApprovalLevel;
import dev.lockbox.workflows.model.Channel;
import dev.lockbox.workflows.model.Decision;
import dev.lockbox.workflows.model.DecisionKind;
import dev.lockbox.workflows.model.DecisionRecord;
import dev.lockbox.workflows.model.LockboxState;
import dev.lockbox.workflows.model.LockboxStatus;
import dev.lockbox.workflows.testing.LockboxTestEnvironment;
import dev.lockbox.workflows.testing.LockboxTestRequests;
import io.temporal.client.WorkflowStub;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Approval levels, quorum and narrowing ({@link Features#APPROVAL_LEVELS}). */
@Timeout(60)
class ApprovalLevelsWorkflowTest {

  private static final String OWNER = "northwind-owner";
  private static final String SECURITY = "northwind-security";

  private final LockboxTestEnvironment test = new LockboxTestEnvironment();

  @AfterEach
  void close() {
    test.close();
  }

  @Test
  void givenTwoApprovalsNeeded_whenOneApproves_itStaysPendingUntilTheSecondApproves() {
    LockboxWorkflow workflow = startPending("q-two", twoOf(OWNER, SECURITY));

    LockboxState half = workflow.approve(by(OWNER, null));

    assertThat(half.status()).isEqualTo(LockboxStatus.PENDING);
    assertThat(half.decision()).isNull();
    assertThat(half.approval().approvals())
        .extracting(DecisionRecord::actor)
        .containsExactly(OWNER);
    assertThat(half.approval().approvalsNeeded()).isEqualTo(2);
    assertThat(test.activities.grants).isEmpty();

    LockboxState approved = workflow.approve(by(SECURITY, "second pair of eyes"));

    assertThat(approved.status()).isEqualTo(LockboxStatus.ACCESS_GRANTED);
    assertThat(approved.decision().actor()).isEqualTo(SECURITY);
    assertThat(approved.approval().approvals())
        .extracting(DecisionRecord::actor, DecisionRecord::level)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(OWNER, 1),
            org.assertj.core.groups.Tuple.tuple(SECURITY, 1));
    LockboxState done = resultOf(workflow);
    assertThat(done.status()).isEqualTo(LockboxStatus.COMPLETED);
    assertThat(test.activities.grants).hasSize(1);
    assertThat(test.activities.requesterNotices)
        .filteredOn(n -> n.kind() == NoticeKind.APPROVED)
        .singleElement()
        .satisfies(n -> assertThat(n.approval().approvals()).hasSize(2));
  }

  @Test
  void givenAnApprovalCounted_whenTheSameApproverApprovesAgain_itIsRefusedAndCountsOnce() {
    LockboxWorkflow workflow = startPending("q-twice", twoOf(OWNER, SECURITY));
    workflow.approve(by(OWNER, null));

    ApplicationFailure refused = refusal(() -> workflow.approve(by(OWNER, "again")));

    assertThat(refused.getType()).isEqualTo(LockboxErrors.ALREADY_APPROVED.name());
    LockboxState state = workflow.getState();
    assertThat(state.status()).isEqualTo(LockboxStatus.PENDING);
    assertThat(state.approval().approvals()).hasSize(1);
  }

  @Test
  void givenTheRequesterIsAnApprover_theyNeverCount() {
    LockboxWorkflow workflow = startPending("q-self", twoOf(REQUESTER, OWNER, SECURITY));

    ApplicationFailure refused = refusal(() -> workflow.approve(by(REQUESTER, null)));

    assertThat(refused.getType()).isEqualTo(LockboxErrors.NOT_ALLOWED.name());
    LockboxState state = workflow.getState();
    assertThat(state.approval().approvals()).isEmpty();
    assertThat(state.approval().levels().get(0).approvers()).containsExactly(OWNER, SECURITY);
  }

  @Test
  void givenTooFewApproversBesidesTheRequester_theRequestIsRejected() {
    test.activities.approvalLevels = List.of(new ApprovalLevel(2, List.of(REQUESTER, OWNER)));

    LockboxState end = resultOf(test.start(LockboxTestRequests.demo("q-short")));

    assertThat(end.status()).isEqualTo(LockboxStatus.REJECTED);
    assertThat(end.jit().reasons()).anyMatch(r -> r.contains("approval level 1 needs 2"));
  }

  @Test
  void givenOneApprovalOfTwo_whenTheOtherApproverDenies_theRequestEndsDenied() {
    LockboxWorkflow workflow = startPending("q-deny", twoOf(OWNER, SECURITY));
    workflow.approve(by(OWNER, null));

    LockboxState denied = workflow.deny(by(SECURITY, "not without a change ticket"));

    assertThat(denied.status()).isEqualTo(LockboxStatus.DENIED);
    assertThat(resultOf(workflow).decision().actor()).isEqualTo(SECURITY);
    assertThat(test.activities.grants).isEmpty();
  }

  @Test
  void givenTwoLevels_theSecondIsAskedOnlyOnceTheFirstApproved() {
    test.activities.approvalLevels =
        List.of(new ApprovalLevel(1, List.of(OWNER)), new ApprovalLevel(1, List.of(SECURITY)));
    LockboxWorkflow workflow = start("q-levels");
    awaitNotices(1);
    assertThat(test.activities.notices)
        .singleElement()
        .satisfies(n -> assertThat(n.approvers()).containsExactly(OWNER));

    ApplicationFailure early = refusal(() -> workflow.approve(by(SECURITY, null)));
    assertThat(early.getType()).isEqualTo(LockboxErrors.NOT_ALLOWED.name());

    LockboxState first = workflow.approve(by(OWNER, null));
    assertThat(first.status()).isEqualTo(LockboxStatus.PENDING);
    assertThat(first.approval().currentLevel()).isEqualTo(2);
    awaitNotices(2);
    ApprovalNotice second = test.activities.notices.get(1);
    assertThat(second.kind()).isEqualTo(NoticeKind.APPROVAL_REQUESTED);
    assertThat(second.approvers()).containsExactly(SECURITY);
    assertThat(second.approval().currentLevel()).isEqualTo(2);
    assertThat(second.expiresAt()).isEqualTo(first.expiresAt());

    assertThat(workflow.approve(by(SECURITY, null)).status())
        .isEqualTo(LockboxStatus.ACCESS_GRANTED);
    assertThat(resultOf(workflow).status()).isEqualTo(LockboxStatus.COMPLETED);
  }

  @Test
  void givenTheSecondLevelWaits_theReminderGoesToItsApproversOnly() {
    test.activities.approvalLevels =
        List.of(new ApprovalLevel(1, List.of(OWNER)), new ApprovalLevel(1, List.of(SECURITY)));
    LockboxWorkflow workflow = start("q-levels-reminder");
    workflow.approve(by(OWNER, null));
    awaitNotices(2);

    test.env.sleep(Duration.ofDays(3).plusHours(1));

    awaitNotices(3);
    assertThat(test.activities.notices.get(2))
        .satisfies(n -> assertThat(n.kind()).isEqualTo(NoticeKind.REMINDER))
        .satisfies(n -> assertThat(n.approvers()).containsExactly(SECURITY));
    assertThat(workflow.getState().status()).isEqualTo(LockboxStatus.PENDING);
  }

  @Test
  void givenTheFirstLevelWaits_anApproverOfALaterLevelMayStillDeny() {
    test.activities.approvalLevels =
        List.of(new ApprovalLevel(1, List.of(OWNER)), new ApprovalLevel(1, List.of(SECURITY)));
    LockboxWorkflow workflow = start("q-levels-deny");

    LockboxState denied = workflow.deny(by(SECURITY, "not this week"));

    assertThat(denied.status()).isEqualTo(LockboxStatus.DENIED);
    assertThat(test.activities.grants).isEmpty();
  }

  @Test
  void givenTheFirstLevelApproved_whenTheWindowEnds_theRequestExpiresAtItsOriginalDeadline() {
    test.activities.approvalLevels =
        List.of(new ApprovalLevel(1, List.of(OWNER)), new ApprovalLevel(1, List.of(SECURITY)));
    LockboxWorkflow workflow = start("q-levels-expire");
    test.env.sleep(Duration.ofHours(1));
    LockboxState first = workflow.approve(by(OWNER, null));

    LockboxState end = resultOf(workflow);

    assertThat(end.status()).isEqualTo(LockboxStatus.EXPIRED);
    assertThat(end.expiresAt()).isEqualTo(first.expiresAt());
    assertThat(end.decision().at()).isEqualTo(first.expiresAt());
    assertThat(test.activities.grants).isEmpty();
  }

  @Test
  void givenAnApproverNarrowsToTwoHours_accessEndsAfterTwoHours() {
    LockboxWorkflow workflow = startPending("n-two-hours", null);

    workflow.approve(new Decision(FakeApprover.ID, Channel.API, "2h is enough", hours(2)));

    LockboxState done = resultOf(workflow);
    assertThat(done.status()).isEqualTo(LockboxStatus.COMPLETED);
    assertThat(Duration.between(done.accessGrantedAt(), done.accessExpiresAt()))
        .isEqualTo(hours(2));
    assertThat(done.revocation().at()).isEqualTo(done.accessExpiresAt());
    assertThat(done.approval().approvedDuration()).isEqualTo(hours(2));
    assertThat(done.decision().approvedDuration()).isEqualTo(hours(2));
    assertThat(test.activities.grants)
        .singleElement()
        .satisfies(g -> assertThat(g.expiresAt()).isEqualTo(done.accessExpiresAt()));
  }

  @Test
  void givenTwoApproversNarrowDifferently_theShortestWins() {
    LockboxWorkflow workflow = startPending("n-shortest", twoOf(OWNER, SECURITY));
    workflow.approve(new Decision(OWNER, Channel.API, null, hours(2)));
    workflow.approve(new Decision(SECURITY, Channel.API, null, hours(4)));

    LockboxState done = resultOf(workflow);

    assertThat(Duration.between(done.accessGrantedAt(), done.accessExpiresAt()))
        .isEqualTo(hours(2));
  }

  @Test
  void givenAnApprovedDurationLongerThanAsked_itIsRefused() {
    LockboxWorkflow workflow = startPending("n-longer", null);

    ApplicationFailure refused =
        refusal(
            () ->
                workflow.approve(
                    new Decision(FakeApprover.ID, Channel.API, null, ACCESS_WINDOW.plusHours(1))));

    assertThat(refused.getType()).isEqualTo(LockboxErrors.INVALID_DECISION.name());
    assertThat(workflow.getState().status()).isEqualTo(LockboxStatus.PENDING);
  }

  @Test
  void givenNoLevelsConfigured_oneApprovalGrantsTheDurationAsked() {
    LockboxWorkflow workflow = startPending("q-default", null);

    assertThat(workflow.approve(by(FakeApprover.ID, null)).status())
        .isEqualTo(LockboxStatus.ACCESS_GRANTED);

    LockboxState done = resultOf(workflow);
    assertThat(Duration.between(done.accessGrantedAt(), done.accessExpiresAt()))
        .isEqualTo(ACCESS_WINDOW);
    assertThat(done.approval().approvalsNeeded()).isEqualTo(1);
    assertThat(done.decision().kind()).isEqualTo(DecisionKind.APPROVE);
  }

  // ---- helpers ----

  /** The default approver of the fake directory. */
  private static final class FakeApprover {
    static final String ID = dev.lockbox.workflows.testing.FakeActivities.APPROVER;
  }

  private static List<ApprovalLevel> twoOf(String... approvers) {
    return List.of(new ApprovalLevel(2, List.of(approvers)));
  }

  private LockboxWorkflow start(String requestId) {
    LockboxWorkflow workflow = test.start(LockboxTestRequests.demo(requestId));
    test.awaitStatus(workflow, LockboxStatus.PENDING);
    return workflow;
  }

  private LockboxWorkflow startPending(String requestId, List<ApprovalLevel> levels) {
    test.activities.approvalLevels = levels;
    LockboxWorkflow workflow = start(requestId);
    assertThat(workflow.getState().status()).isEqualTo(LockboxStatus.PENDING);
    return workflow;
  }

  private void awaitNotices(int count) {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (test.activities.notices.size() < count && System.nanoTime() < deadline) {
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    assertThat(test.activities.notices).hasSize(count);
  }

  private static Decision by(String actor, String comment) {
    return new Decision(actor, Channel.PORTAL, comment);
  }

  private static Duration hours(int hours) {
    return Duration.ofHours(hours);
  }

  private static LockboxState resultOf(LockboxWorkflow workflow) {
    return WorkflowStub.fromTyped(workflow).getResult(LockboxState.class);
  }

  private static ApplicationFailure refusal(Runnable decision) {
    Throwable thrown = catchThrowable(decision::run);
    assertThat(thrown).isInstanceOf(WorkflowUpdateException.class);
    return LockboxErrors.refusalIn(thrown)
        .orElseThrow(() -> new AssertionError("no refusal", thrown));
  }
}
