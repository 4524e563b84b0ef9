package dev.lockbox.audit;

import static dev.lockbox.audit.AuditAction.ANSWER_QUESTION;
import static dev.lockbox.audit.AuditAction.APPROVE;
import static dev.lockbox.audit.AuditAction.APPROVE_EXTENSION;
import static dev.lockbox.audit.AuditAction.APPROVE_INTERNAL_REVIEW;
import static dev.lockbox.audit.AuditAction.ASK_QUESTION;
import static dev.lockbox.audit.AuditAction.CANCEL;
import static dev.lockbox.audit.AuditAction.CREATE;
import static dev.lockbox.audit.AuditAction.DECLARE_BREAK_GLASS;
import static dev.lockbox.audit.AuditAction.DENY;
import static dev.lockbox.audit.AuditAction.DENY_EXTENSION;
import static dev.lockbox.audit.AuditAction.EVALUATE_JIT;
import static dev.lockbox.audit.AuditAction.EXPIRE;
import static dev.lockbox.audit.AuditAction.EXTEND;
import static dev.lockbox.audit.AuditAction.GRANT;
import static dev.lockbox.audit.AuditAction.RECORD_APPROVAL;
import static dev.lockbox.audit.AuditAction.REJECT;
import static dev.lockbox.audit.AuditAction.REQUEST_EXTENSION;
import static dev.lockbox.audit.AuditAction.REQUEST_INTERNAL_REVIEW;
import static dev.lockbox.audit.AuditAction.REVOKE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.temporal.api.history.v1.HistoryEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The audit events of every recorded lifecycle path: right actions, actors, channels, reasons. */
class AuditTrailTest {

  private static final String OWNER = "contoso-owner";
  private static final String ENGINEER = "engineer1";

  @Test
  void approvedRequest_isCreatedByTheEngineer_approvedByTheOwner_grantedAndRevokedBySystem() {
    assertThat(trail("approve"))
        .extracting(AuditEvent::action, AuditEvent::actor, AuditEvent::channel, AuditEvent::reason)
        .containsExactly(
            tuple(
                CREATE,
                ENGINEER,
                "API",
                "RemoteDesktop on VirtualMachine vm-web-01: Customer reports RDP failures; need to inspect event logs"),
            tuple(
                EVALUATE_JIT,
                "system",
                "SYSTEM",
                "REQUIRE_CUSTOMER_APPROVAL (rule test-rule): decided by the test"),
            tuple(APPROVE, OWNER, "PORTAL", "ok"),
            tuple(GRANT, "system", "SYSTEM", grantReason("approve")),
            tuple(REVOKE, "system", "SYSTEM", "the access window ended"));
  }

  @Test
  void everyEventCarriesTheRequestTenantSubscriptionAndTicket() {
    assertThat(trail("approve"))
        .allSatisfy(
            e -> {
              assertThat(e.requestId()).isEqualTo("approve");
              assertThat(e.tenantId()).isEqualTo("contoso");
              assertThat(e.subscriptionId()).isEqualTo("contoso-prod");
              assertThat(e.supportTicketId()).isEqualTo("SR-1001");
              assertThat(e.time()).isNotNull();
              assertThat(e.historyEventId()).isPositive();
            });
  }

  @Test
  void eventsAreInTimeOrder() {
    List<AuditEvent> events = trail("early-revoke");
    assertThat(events).extracting(AuditEvent::time).isSorted();
    assertThat(events).extracting(AuditEvent::historyEventId).isSorted();
  }

  @Test
  void deniedRequest_isDeniedByTheOwnerThroughThePortal() {
    assertThat(trail("deny"))
        .extracting(AuditEvent::action, AuditEvent::actor, AuditEvent::channel, AuditEvent::reason)
        .containsExactly(
            tuple(CREATE, ENGINEER, "API", createReason()),
            tuple(EVALUATE_JIT, "system", "SYSTEM", evaluated()),
            tuple(DENY, OWNER, "PORTAL", "ok"));
  }

  @Test
  void unansweredRequest_isExpiredBySystem() {
    assertThat(actions("expire"))
        .containsExactly(
            tuple(CREATE, ENGINEER, "API"),
            tuple(EVALUATE_JIT, "system", "SYSTEM"),
            tuple(EXPIRE, "system", "SYSTEM"));
  }

  @Test
  void canceledRequest_isCanceledByTheRequesterWithTheirComment() {
    assertThat(trail("cancel"))
        .last()
        .extracting(AuditEvent::action, AuditEvent::actor, AuditEvent::channel, AuditEvent::reason)
        .containsExactly(CANCEL, ENGINEER, "API", "no longer needed");
  }

  @Test
  void earlyRevoke_isAttributedToWhoeverRevoked() {
    assertThat(trail("early-revoke"))
        .extracting(AuditEvent::action, AuditEvent::actor, AuditEvent::channel, AuditEvent::reason)
        .containsExactly(
            tuple(CREATE, ENGINEER, "API", createReason()),
            tuple(EVALUATE_JIT, "system", "SYSTEM", evaluated()),
            tuple(APPROVE, OWNER, "PORTAL", "ok"),
            tuple(GRANT, "system", "SYSTEM", grantReason("early-revoke")),
            tuple(REVOKE, ENGINEER, "API", "no longer needed"));
  }

  @Test
  void operatorCancelDuringAccess_revokesAndSaysAnOperatorCanceled() {
    List<AuditEvent> events = trail("cancel-during-access");
    assertThat(events)
        .extracting(AuditEvent::action)
        .containsExactly(CREATE, EVALUATE_JIT, APPROVE, GRANT, REVOKE);
    AuditEvent revoke = events.get(4);
    assertThat(revoke.actor()).isEqualTo("system");
    assertThat(revoke.channel()).isEqualTo("SYSTEM");
    assertThat(revoke.reason()).startsWith("workflow canceled by an operator");
  }

  @Test
  void rejectedRequest_isRejectedBySystemWithThePolicyReasons() {
    assertThat(trail("reject"))
        .extracting(AuditEvent::action, AuditEvent::actor, AuditEvent::reason)
        .containsExactly(
            tuple(CREATE, ENGINEER, createReason()),
            tuple(EVALUATE_JIT, "system", "REJECT (rule test-rule): decided by the test"),
            tuple(REJECT, "system", "decided by the test"));
  }

  @Test
  void grantWithoutLockbox_isGrantedAndRevokedWithoutADecision() {
    assertThat(actions("grant-without-lockbox"))
        .containsExactly(
            tuple(CREATE, ENGINEER, "API"),
            tuple(EVALUATE_JIT, "system", "SYSTEM"),
            tuple(GRANT, "system", "SYSTEM"),
            tuple(REVOKE, "system", "SYSTEM"));
  }

  @Test
  void undeliverableEmail_doesNotChangeTheTrail() {
    assertThat(actions("email-undeliverable"))
        .containsExactly(
            tuple(CREATE, ENGINEER, "API"),
            tuple(EVALUATE_JIT, "system", "SYSTEM"),
            tuple(DENY, OWNER, "PORTAL"));
  }

  @Test
  void historyEventsNoRuleKnows_areSkipped_notFatal() {
    List<HistoryEvent> events = new ArrayList<>(RecordedHistories.history("approve").getEvents());
    // An event of a kind the rules never saw, e.g. a signal added by a later version.
    events.add(
        3,
        HistoryEvent.newBuilder()
            .setEventId(999)
            .setEventType(io.temporal.api.enums.v1.EventType.EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED)
            .build());
    assertThat(AuditTrail.of("approve", events))
        .extracting(AuditEvent::action)
        .containsExactly(CREATE, EVALUATE_JIT, APPROVE, GRANT, REVOKE);
  }

  @Test
  void internalReview_isAskedBySystem_approvedByTheSupportLead_thenByTheOwner() {
    assertThat(actions("internal-approve"))
        .containsExactly(
            tuple(CREATE, ENGINEER, "API"),
            tuple(EVALUATE_JIT, "system", "SYSTEM"),
            tuple(REQUEST_INTERNAL_REVIEW, "system", "SYSTEM"),
            tuple(APPROVE_INTERNAL_REVIEW, "support-lead", "API"),
            tuple(APPROVE, OWNER, "PORTAL"),
            tuple(GRANT, "system", "SYSTEM"),
            tuple(REVOKE, "system", "SYSTEM"));
    assertThat(trail("internal-approve").get(2).reason()).contains("support-lead role");
  }

  @Test
  void internalDeny_isADenyByTheSupportLead() {
    assertThat(actions("internal-deny")).last().isEqualTo(tuple(DENY, "support-lead", "API"));
  }

  @Test
  void internalTimeout_expiresWithTheInternalWindowNamed() {
    assertThat(trail("internal-timeout"))
        .last()
        .extracting(AuditEvent::action, AuditEvent::actor, AuditEvent::reason)
        .containsExactly(EXPIRE, "system", "nobody decided within the internal approval window");
  }

  @Test
  void breakGlass_isDeclaredByTheResponderWhenAccessIsGranted() {
    assertThat(actions("break-glass"))
        .containsExactly(
            tuple(CREATE, "oncall1", "API"),
            tuple(EVALUATE_JIT, "system", "SYSTEM"),
            tuple(GRANT, "system", "SYSTEM"),
            tuple(DECLARE_BREAK_GLASS, "oncall1", "API"),
            tuple(REVOKE, "system", "SYSTEM"));
  }

  @Test
  void everyRecordedPathStartsWithCreateAndEvaluate() {
    for (String path : RecordedHistories.PATHS) {
      assertThat(trail(path))
          .extracting(AuditEvent::action)
          .as(path)
          .startsWith(CREATE, EVALUATE_JIT);
    }
  }

  @Test
  void actionLabelsAreTheNamesAuditorsFilterBy() {
    assertThat(AuditAction.byLabel("approve lockbox request")).contains(APPROVE);
    assertThat(AuditAction.byLabel("Grant access")).contains(GRANT);
    assertThat(AuditAction.byLabel("Approve")).isEmpty();
  }

  @Test
  void quorumRequest_recordsEachApproval_andTheApproveEventNamesEveryApprover() {
    List<AuditEvent> trail = levelsTrail("quorum-approve");
    assertThat(trail)
        .filteredOn(e -> e.action() == RECORD_APPROVAL)
        .extracting(AuditEvent::actor, AuditEvent::channel, AuditEvent::reason)
        .containsExactly(
            tuple(OWNER, "PORTAL", "approval 1 of 2 (level 1 of 1): ok"),
            tuple(
                "contoso-security",
                "EMAIL_LINK",
                "approval 2 of 2 (level 1 of 1): second pair of eyes"));
    assertThat(trail)
        .filteredOn(e -> e.action() == APPROVE)
        .singleElement()
        .satisfies(e -> assertThat(e.actor()).isEqualTo("contoso-security"))
        .satisfies(
            e ->
                assertThat(e.reason())
                    .isEqualTo("approved by contoso-owner, contoso-security: second pair of eyes"));
  }

  @Test
  void narrowedApproval_carriesTheApprovedDuration_aSingleApprovalRecordsNoExtraEvent() {
    List<AuditEvent> trail = levelsTrail("approve-narrowed");
    assertThat(trail).extracting(AuditEvent::action).doesNotContain(RECORD_APPROVAL);
    assertThat(trail)
        .filteredOn(e -> e.action() == APPROVE)
        .singleElement()
        .satisfies(
            e ->
                assertThat(e.reason())
                    .isEqualTo("access for PT2H (asked PT8H): 2 hours are enough"));
  }

  @Test
  void levels_eachApprovalNamesItsLevel() {
    assertThat(levelsTrail("levels-approve"))
        .filteredOn(e -> e.action() == RECORD_APPROVAL)
        .extracting(AuditEvent::reason)
        .containsExactly(
            "approval 1 of 2 (level 1 of 2), for PT2H instead of PT8H: 2 hours are enough",
            "approval 2 of 2 (level 2 of 2): second pair of eyes");
  }

  @Test
  void aQuestionAndItsAnswer_areAttributedToWhoAskedAndWhoAnswered() {
    assertThat(versionTrail("question-answered"))
        .filteredOn(e -> e.action() == ASK_QUESTION || e.action() == ANSWER_QUESTION)
        .extracting(AuditEvent::action, AuditEvent::actor, AuditEvent::channel, AuditEvent::reason)
        .containsExactly(
            tuple(ASK_QUESTION, OWNER, "PORTAL", "q1: Which event log, which hours?"),
            tuple(ANSWER_QUESTION, ENGINEER, "API", "q1: System log, last 24 hours"));
  }

  @Test
  void anApprovedExtension_isAskedByTheEngineerApprovedByTheOwnerAndMovesTheGrant() {
    List<AuditEvent> events = versionTrail("extension-approved");

    assertThat(events)
        .extracting(AuditEvent::action)
        .containsExactly(
            CREATE,
            EVALUATE_JIT,
            APPROVE,
            GRANT,
            REQUEST_EXTENSION,
            APPROVE_EXTENSION,
            EXTEND,
            REVOKE);
    assertThat(events)
        .filteredOn(e -> e.action() == REQUEST_EXTENSION || e.action() == APPROVE_EXTENSION)
        .extracting(AuditEvent::actor, AuditEvent::channel, AuditEvent::reason)
        .containsExactly(
            tuple(ENGINEER, "API", "e1: PT2H more: export still running"),
            tuple(OWNER, "PORTAL", "e1: ok"));
    assertThat(events)
        .filteredOn(e -> e.action() == EXTEND)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.actor()).isEqualTo("system");
              assertThat(e.reason()).startsWith("access extended until 20").endsWith("(e1)");
            });
  }

  @Test
  void aDeniedExtension_isDeniedByTheOwnerAndExtendsNothing() {
    assertThat(versionTrail("extension-denied"))
        .extracting(AuditEvent::action, AuditEvent::actor)
        .contains(tuple(DENY_EXTENSION, OWNER))
        .doesNotContain(tuple(EXTEND, "system"));
  }

  @Test
  void anExtensionOfARequestWithTwoApprovers_recordsBothApprovalsThenOneExtend() {
    assertThat(versionTrail("extension-quorum"))
        .filteredOn(e -> e.action() == APPROVE_EXTENSION || e.action() == EXTEND)
        .extracting(AuditEvent::action, AuditEvent::actor)
        .containsExactly(
            tuple(APPROVE_EXTENSION, OWNER),
            tuple(APPROVE_EXTENSION, "contoso-security"),
            tuple(EXTEND, "system"));
  }

  private static List<AuditEvent> versionTrail(String path) {
    return AuditTrail.of(
        path,
        io.temporal.common.WorkflowExecutionHistory.fromJson(
            RecordedHistories.json("extensions-and-questions", path)));
  }

  private static List<AuditEvent> levelsTrail(String path) {
    return AuditTrail.of(
        path,
        io.temporal.common.WorkflowExecutionHistory.fromJson(
            RecordedHistories.json("approval-levels-and-narrowing", path)));
  }

  private static List<AuditEvent> trail(String path) {
    return AuditTrail.of(path, RecordedHistories.history(path));
  }

  private static List<org.assertj.core.groups.Tuple> actions(String path) {
    return trail(path).stream().map(e -> tuple(e.action(), e.actor(), e.channel())).toList();
  }

  private static String createReason() {
    return "RemoteDesktop on VirtualMachine vm-web-01: Customer reports RDP failures; need to inspect event logs";
  }

  private static String evaluated() {
    return "REQUIRE_CUSTOMER_APPROVAL (rule test-rule): decided by the test";
  }

  private static String grantReason(String path) {
    AuditEvent grant =
        trail(path).stream().filter(e -> e.action() == GRANT).findFirst().orElseThrow();
    assertThat(grant.reason())
        .startsWith("RemoteDesktop on VirtualMachine vm-web-01 for engineer1 until 20");
    return grant.reason();
  }
}
