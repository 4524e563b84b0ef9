package dev.lockbox.workflows;

import static dev.lockbox.workflows.testing.FakeActivities.APPROVER;
import static dev.lockbox.workflows.testing.FakeActivities.SUPPORT_LEAD;
import static dev.lockbox.workflows.testing.LockboxTestRequests.INTERNAL_APPROVAL_WINDOW;
import static dev.lockbox.workflows.testing.LockboxTestRequests.REQUESTER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.lockbox.workflows.activities.NoticeKind;
import dev.lockbox.workflows.model.Channel;
import dev.lockbox.workflows.model.Decision;
import dev.lockbox.workflows.model.DecisionKind;
import dev.lockbox.workflows.model.JitOutcome;
import dev.lockbox.workflows.model.LockboxState;
import dev.lockbox.workflows.model.LockboxStatus;
import dev.lockbox.workflows.testing.LockboxTestEnvironment;
import dev.lockbox.workflows.testing.LockboxTestRequests;
import io.temporal.client.WorkflowStub;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class InternalReviewWorkflowTest {

  private static final Decision LEAD =
      new Decision(SUPPORT_LEAD, Channel.API, "checked the ticket");

  private final LockboxTestEnvironment test = new LockboxTestEnvironment();

  @BeforeEach
  void policyAsksASupportLeadFirst() {
    test.activities.internalRole = "support-lead";
  }

  @AfterEach
  void close() {
    test.close();
  }

  @Test
  void givenInternalApproval_theCustomerIsAskedNext() {
    LockboxWorkflow workflow = startInReview("i-approve");

    LockboxState reviewed = workflow.internalApprove(LEAD);

    assertThat(reviewed.status()).isEqualTo(LockboxStatus.PENDING);
    assertThat(reviewed.internalDecision().actor()).isEqualTo(SUPPORT_LEAD);
    workflow.approve(new Decision(APPROVER, Channel.PORTAL, null));
    assertThat(resultOf(workflow).status()).isEqualTo(LockboxStatus.COMPLETED);
    assertThat(test.activities.notices)
        .extracting(n -> n.kind())
        .containsExactly(NoticeKind.APPROVAL_REQUESTED);
  }

  @Test
  void givenInternalDeny_theRequestEndsDeniedAndTheCustomerIsNeverAsked() {
    LockboxWorkflow workflow = startInReview("i-deny");

    LockboxState denied = workflow.internalDeny(LEAD);

    assertThat(denied.status()).isEqualTo(LockboxStatus.DENIED);
    assertThat(denied.decision().kind()).isEqualTo(DecisionKind.INTERNAL_DENY);
    resultOf(workflow);
    assertThat(test.activities.notices).isEmpty();
    assertThat(test.activities.requesterNotices)
        .extracting(n -> n.kind())
        .containsExactly(NoticeKind.DENIED);
  }

  @Test
  void givenNoInternalDecision_theRequestExpiresAtTheEndOfTheInternalWindow() {
    LockboxWorkflow workflow = startInReview("i-timeout");

    LockboxState expired = resultOf(workflow);

    assertThat(expired.status()).isEqualTo(LockboxStatus.EXPIRED);
    assertThat(expired.decision().kind()).isEqualTo(DecisionKind.INTERNAL_EXPIRE);
    assertThat(expired.decision().at()).isEqualTo(expired.internalExpiresAt());
    assertThat(Duration.between(expired.createdAt(), expired.internalExpiresAt()))
        .isBetween(INTERNAL_APPROVAL_WINDOW, INTERNAL_APPROVAL_WINDOW.plusSeconds(1));
    assertThat(test.activities.notices).isEmpty();
  }

  @Test
  void theRequesterNeverReviewsTheirOwnRequest_andOthersWithoutTheRoleMayNot() {
    test.activities.internalApprovers = List.of(SUPPORT_LEAD, REQUESTER);
    LockboxWorkflow workflow = startInReview("i-self");

    Throwable self =
        catchThrowable(() -> workflow.internalApprove(new Decision(REQUESTER, Channel.API, null)));
    Throwable owner =
        catchThrowable(() -> workflow.internalApprove(new Decision(APPROVER, Channel.API, null)));

    assertThat(LockboxErrors.refusalIn(self))
        .get()
        .extracting(f -> f.getType())
        .isEqualTo(LockboxErrors.NOT_ALLOWED.name());
    assertThat(LockboxErrors.refusalIn(owner))
        .get()
        .extracting(f -> f.getType())
        .isEqualTo(LockboxErrors.NOT_ALLOWED.name());
    assertThat(workflow.getState().internalReviewers()).containsExactly(SUPPORT_LEAD);
  }

  @Test
  void givenOnlyTheRequesterHoldsTheRole_theRequestIsRejected() {
    test.activities.internalApprovers = List.of(REQUESTER);

    LockboxState state = resultOf(test.start(LockboxTestRequests.demo("i-nobody")));

    assertThat(state.status()).isEqualTo(LockboxStatus.REJECTED);
    assertThat(state.jit().reasons()).last().asString().contains("support-lead");
  }

  @Test
  void theRequesterCancelsDuringTheReview() {
    LockboxWorkflow workflow = startInReview("i-cancel");

    LockboxState canceled = workflow.cancel(new Decision(REQUESTER, Channel.API, "fixed"));

    assertThat(canceled.status()).isEqualTo(LockboxStatus.CANCELED);
    assertThat(resultOf(workflow).decision().kind()).isEqualTo(DecisionKind.CANCEL);
  }

  @Test
  void givenGrantWithoutLockboxAfterReview_accessIsGrantedWithoutTheCustomer() {
    test.activities.outcome = JitOutcome.GRANT_WITHOUT_LOCKBOX;
    LockboxWorkflow workflow = startInReview("i-no-lockbox");

    assertThat(workflow.internalApprove(LEAD).status()).isEqualTo(LockboxStatus.ACCESS_GRANTED);
    assertThat(resultOf(workflow).status()).isEqualTo(LockboxStatus.COMPLETED);
    assertThat(test.activities.notices).isEmpty();
  }

  private LockboxWorkflow startInReview(String id) {
    LockboxWorkflow workflow = test.start(LockboxTestRequests.demo(id));
    assertThat(test.awaitStatus(workflow, LockboxStatus.INTERNAL_REVIEW).status())
        .isEqualTo(LockboxStatus.INTERNAL_REVIEW);
    return workflow;
  }

  private static LockboxState resultOf(LockboxWorkflow workflow) {
    return WorkflowStub.fromTyped(workflow).getResult(LockboxState.class);
  }
}
