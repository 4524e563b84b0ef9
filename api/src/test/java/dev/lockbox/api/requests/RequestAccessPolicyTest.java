package dev.lockbox.api.requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lockbox.api.problems.DecisionConflictException;
import dev.lockbox.api.problems.NotAllowedException;
import dev.lockbox.directory.DirectoryUser;
import dev.lockbox.directory.Role;
import dev.lockbox.readmodel.SummaryQuery;
import dev.lockbox.workflows.model.ApprovalLevel;
import dev.lockbox.workflows.model.ApprovalProgress;
import dev.lockbox.workflows.model.Channel;
import dev.lockbox.workflows.model.DecisionKind;
import dev.lockbox.workflows.model.DecisionRecord;
import dev.lockbox.workflows.model.JitEvaluation;
import dev.lockbox.workflows.model.JitOutcome;
import dev.lockbox.workflows.model.LockboxRequest;
import dev.lockbox.workflows.model.LockboxState;
import dev.lockbox.workflows.model.LockboxStatus;
import dev.lockbox.workflows.model.ResourceScope;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Who may see, create and decide what, one row per role, relation to the request and action. The
 * request: engineer1 asks for access at tenant contoso; the policy asks the support-lead role to
 * review it first.
 */
class RequestAccessPolicyTest {

  private static final String TENANT = "contoso";
  private static final String ASKED_ROLE = "support-lead";

  /** A user, named by role and by how they stand to the request. */
  enum Who {
    REQUESTER(user("engineer1", Set.of(Role.ENGINEER), List.of(), List.of())),
    OTHER_ENGINEER(user("engineer2", Set.of(Role.ENGINEER), List.of(), List.of())),
    APPROVER_OWN_TENANT(
        user("contoso-owner", Set.of(Role.CUSTOMER_APPROVER), List.of(TENANT), List.of())),
    APPROVER_OTHER_TENANT(
        user("fabrikam-owner", Set.of(Role.CUSTOMER_APPROVER), List.of("fabrikam"), List.of())),
    REVIEWER_ASKED_ROLE(
        user("lead1", Set.of(Role.INTERNAL_APPROVER), List.of(), List.of(ASKED_ROLE))),
    REVIEWER_OTHER_ROLE(
        user("lead2", Set.of(Role.INTERNAL_APPROVER), List.of(), List.of("security-lead"))),
    /** Became an approver of the tenant after the approvers were asked: not in the snapshot. */
    APPROVER_SINCE_NOTIFICATION(
        user("contoso-newcomer", Set.of(Role.CUSTOMER_APPROVER), List.of(TENANT), List.of())),
    /** Was asked, but has lost the approver role since (the directory or the token says so). */
    APPROVER_WHO_LOST_THE_ROLE(user("contoso-owner", Set.of(), List.of(), List.of())),
    AUDITOR(user("auditor", Set.of(Role.AUDITOR), List.of(), List.of())),
    OPERATOR(user("operator", Set.of(Role.OPERATOR), List.of(), List.of())),
    /** Asks for access at a tenant they also approve for: still never decides their own request. */
    REQUESTER_WHO_APPROVES_OWN_TENANT(
        user(
            "engineer1",
            Set.of(Role.ENGINEER, Role.CUSTOMER_APPROVER),
            List.of(TENANT),
            List.of())),
    /** Asks for access and holds the role asked to review it: still never reviews their own. */
    REQUESTER_WHO_HOLDS_ASKED_ROLE(
        user(
            "engineer1",
            Set.of(Role.ENGINEER, Role.INTERNAL_APPROVER),
            List.of(),
            List.of(ASKED_ROLE)));

    final DirectoryUser user;

    Who(DirectoryUser user) {
      this.user = user;
    }
  }

  @ParameterizedTest(name = "{0} may see: {1}")
  @CsvSource({
    "REQUESTER,             true",
    "OTHER_ENGINEER,        false",
    "APPROVER_OWN_TENANT,   true",
    "APPROVER_OTHER_TENANT, false",
    "REVIEWER_ASKED_ROLE,   true",
    "REVIEWER_OTHER_ROLE,   true",
    "AUDITOR,               true",
    "OPERATOR,              false"
  })
  void whoMaySeeTheRequest(Who who, boolean sees) {
    assertThat(RequestAccessPolicy.canSee(who.user, request())).isEqualTo(sees);
    assertThat(RequestAccessPolicy.canSee(who.user, "engineer1", TENANT)).isEqualTo(sees);
  }

  @ParameterizedTest(name = "{0} may ask for access: {1}")
  @CsvSource({
    "REQUESTER,           true",
    "APPROVER_OWN_TENANT, false",
    "REVIEWER_ASKED_ROLE, false",
    "AUDITOR,             false",
    "OPERATOR,            false"
  })
  void onlyEngineersAskForAccess(Who who, boolean allowed) {
    assertAllowed(() -> RequestAccessPolicy.requireMayCreate(who.user), allowed);
  }

  @ParameterizedTest(name = "{0} {1}: {2}")
  @CsvSource({
    // the customer's decision: a designated approver of the request's tenant, never the requester
    "APPROVER_OWN_TENANT,               APPROVE,          allowed",
    "APPROVER_OWN_TENANT,               DENY,             allowed",
    "APPROVER_OTHER_TENANT,             APPROVE,          refused",
    "APPROVER_OTHER_TENANT,             DENY,             refused",
    "REQUESTER,                         APPROVE,          refused",
    "REQUESTER_WHO_APPROVES_OWN_TENANT, APPROVE,          refused",
    "REQUESTER_WHO_APPROVES_OWN_TENANT, DENY,             refused",
    "OTHER_ENGINEER,                    APPROVE,          refused",
    "AUDITOR,                           APPROVE,          refused",
    "REVIEWER_ASKED_ROLE,               APPROVE,          refused",
    // the approvers asked are snapshotted, and each must still hold the role at the decision
    "APPROVER_SINCE_NOTIFICATION,       APPROVE,          refused",
    "APPROVER_SINCE_NOTIFICATION,       DENY,             refused",
    "APPROVER_SINCE_NOTIFICATION,       REVOKE,           refused",
    "APPROVER_WHO_LOST_THE_ROLE,        APPROVE,          refused",
    "APPROVER_WHO_LOST_THE_ROLE,        REVOKE,           refused",
    // the internal review: a holder of the role the policy asked for, never the requester
    "REVIEWER_ASKED_ROLE,               INTERNAL_APPROVE, allowed",
    "REVIEWER_ASKED_ROLE,               INTERNAL_DENY,    allowed",
    "REVIEWER_OTHER_ROLE,               INTERNAL_APPROVE, refused",
    "REQUESTER_WHO_HOLDS_ASKED_ROLE,    INTERNAL_APPROVE, refused",
    "REQUESTER_WHO_HOLDS_ASKED_ROLE,    INTERNAL_DENY,    refused",
    "APPROVER_OWN_TENANT,               INTERNAL_APPROVE, refused",
    "AUDITOR,                           INTERNAL_DENY,    refused",
    // withdrawing: the requester only
    "REQUESTER,                         CANCEL,           allowed",
    "OTHER_ENGINEER,                    CANCEL,           refused",
    "APPROVER_OWN_TENANT,               CANCEL,           refused",
    // ending access early: the requester or an approver of the tenant
    "REQUESTER,                         REVOKE,           allowed",
    "APPROVER_OWN_TENANT,               REVOKE,           allowed",
    "APPROVER_OTHER_TENANT,             REVOKE,           refused",
    "OTHER_ENGINEER,                    REVOKE,           refused",
    "AUDITOR,                           REVOKE,           refused",
    // the clock's decisions: nobody by hand
    "APPROVER_OWN_TENANT,               EXPIRE,           refused",
    "REVIEWER_ASKED_ROLE,               INTERNAL_EXPIRE,  refused"
  })
  void whoMayDecideWhat(Who who, DecisionKind kind, String outcome) {
    assertAllowed(
        () -> RequestAccessPolicy.requireMayDecide(kind, who.user, state(ASKED_ROLE)),
        outcome.equals("allowed"));
  }

  @Test
  void aRequestThePolicySentToNoReviewHasNoInternalDecision() {
    assertThatThrownBy(
            () ->
                RequestAccessPolicy.requireMayDecide(
                    DecisionKind.INTERNAL_APPROVE, Who.REVIEWER_ASKED_ROLE.user, state(null)))
        .isInstanceOf(NotAllowedException.class)
        .hasMessageContaining("needs no internal review");
  }

  @ParameterizedTest(name = "{0} lists tenants {1}, requester {2}")
  @CsvSource({
    "AUDITOR,             ALL,      ANY",
    "REVIEWER_ASKED_ROLE, ALL,      ANY",
    "APPROVER_OWN_TENANT, contoso,  ANY",
    "REQUESTER,           ALL,      engineer1",
    "OPERATOR,            NONE,     ANY"
  })
  void listingsShowOnlyWhatTheCallerMaySee(Who who, String tenants, String requester) {
    SummaryQuery query = RequestAccessPolicy.scope(who.user, "PENDING", null, 0, 20);

    Set<String> expectedTenants =
        switch (tenants) {
          case "ALL" -> null;
          case "NONE" -> Set.of();
          default -> Set.of(tenants);
        };
    assertThat(query.tenantIds()).isEqualTo(expectedTenants);
    assertThat(query.requester()).isEqualTo(requester.equals("ANY") ? null : requester);
    assertThat(query.status()).isEqualTo("PENDING");
  }

  @Test
  void aListingPageOutsideTheLimitsIsABadRequest() {
    assertThatThrownBy(() -> RequestAccessPolicy.scope(Who.AUDITOR.user, null, null, 0, 1000))
        .isInstanceOf(dev.lockbox.api.problems.InvalidRequestException.class)
        .hasMessageContaining("size");
  }

  private static void assertAllowed(Runnable check, boolean allowed) {
    if (allowed) {
      assertThatCode(check::run).doesNotThrowAnyException();
    } else {
      assertThatThrownBy(check::run).isInstanceOf(NotAllowedException.class);
    }
  }

  private static DirectoryUser user(
      String id, Set<Role> roles, List<String> approverOf, List<String> internalRoles) {
    return new DirectoryUser(
        id, id, id + "@example.com", "{noop}" + id, roles, approverOf, internalRoles, true, true);
  }

  private static LockboxRequest request() {
    return new LockboxRequest(
        "r-1",
        "engineer1",
        "SR-1001",
        TENANT,
        "contoso-prod",
        "VirtualMachine",
        "vm-web-01",
        "RemoteDesktop",
        "Customer reports RDP failures",
        Duration.ofDays(4),
        Duration.ofHours(8),
        ResourceScope.RESOURCE,
        false,
        Duration.ofHours(24),
        Duration.ofHours(24),
        null);
  }

  @Test
  void anApproverAlreadyCountedIsRefusedWith409WhileTheRequestWaits_otherApproversAreNot() {
    ApprovalProgress oneOfTwo =
        new ApprovalProgress(
            List.of(new ApprovalLevel(2, List.of("contoso-owner", "contoso-second"))),
            1,
            List.of(
                new DecisionRecord(
                    DecisionKind.APPROVE,
                    "contoso-owner",
                    Channel.API,
                    null,
                    Instant.EPOCH,
                    null,
                    1)),
            null);
    LockboxState pending = state(null, LockboxStatus.PENDING, oneOfTwo);
    DirectoryUser owner = approver("contoso-owner");

    assertThatThrownBy(() -> RequestAccessPolicy.requireNotApprovedYet(owner, pending))
        .isInstanceOf(DecisionConflictException.class)
        .hasMessageContaining("already approved")
        .hasMessageContaining("1 more approval ");
    assertThatCode(
            () -> RequestAccessPolicy.requireNotApprovedYet(approver("contoso-second"), pending))
        .doesNotThrowAnyException();
    assertThatCode(
            () ->
                RequestAccessPolicy.requireNotApprovedYet(
                    owner, state(null, LockboxStatus.ACCESS_GRANTED, oneOfTwo)))
        .doesNotThrowAnyException();
  }

  private static DirectoryUser approver(String id) {
    return new DirectoryUser(
        id,
        id,
        id + "@x",
        null,
        Set.of(Role.CUSTOMER_APPROVER),
        List.of(TENANT),
        List.of(),
        false,
        false);
  }

  private static LockboxState state(String internalRole) {
    return state(internalRole, LockboxStatus.PENDING, null);
  }

  private static LockboxState state(
      String internalRole, LockboxStatus status, ApprovalProgress approval) {
    JitEvaluation jit =
        new JitEvaluation(
            JitOutcome.REQUIRE_CUSTOMER_APPROVAL, "rule", List.of("test"), internalRole, null);
    return new LockboxState(
        request(),
        status,
        2,
        jit,
        List.of("contoso-owner"),
        Instant.EPOCH,
        Instant.EPOCH.plus(Duration.ofDays(4)),
        null,
        null,
        null,
        null,
        null,
        List.of(),
        List.of(),
        null,
        null,
        approval,
        List.of(),
        List.of());
  }
}
