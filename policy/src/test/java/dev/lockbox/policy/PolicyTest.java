package dev.lockbox.policy;

import static dev.lockbox.policy.PolicyFixtures.CONTOSO;
import static dev.lockbox.policy.PolicyFixtures.engineer;
import static dev.lockbox.policy.PolicyFixtures.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lockbox.directory.DirectoryTenant;
import dev.lockbox.directory.DirectoryUser;
import dev.lockbox.directory.SupportPlan;
import dev.lockbox.workflows.model.JitEvaluation;
import dev.lockbox.workflows.model.JitOutcome;
import dev.lockbox.workflows.model.RequesterIdentity;
import dev.lockbox.workflows.model.ResourceScope;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The shipped rules, table-driven: each factor alone flips the outcome. */
class PolicyTest {

  private static final Optional<DirectoryUser> ENGINEER1 = engineer(false, true);
  private static final Optional<DirectoryUser> ENGINEER2 = engineer(true, true);
  private static final Optional<DirectoryUser> NO_MFA = engineer(false, false);

  private final Policy policy = PolicyFixtures.shipped();

  static Stream<Arguments> table() {
    return Stream.of(
        // The table in docs/policy.md.
        row(
            "VirtualMachine",
            "RemoteDesktop",
            ResourceScope.RESOURCE,
            ENGINEER1,
            JitOutcome.REQUIRE_CUSTOMER_APPROVAL,
            null,
            "customer-data"),
        row(
            "VirtualMachine",
            "RemoteDesktop",
            ResourceScope.RESOURCE,
            ENGINEER2,
            JitOutcome.REQUIRE_CUSTOMER_APPROVAL,
            null,
            "customer-data"),
        row(
            "VirtualMachine",
            "Reader",
            ResourceScope.RESOURCE,
            ENGINEER1,
            JitOutcome.GRANT_WITHOUT_LOCKBOX,
            null,
            "metadata-only"),
        row(
            "StorageAccount",
            "DataRead",
            ResourceScope.SUBSCRIPTION,
            ENGINEER1,
            JitOutcome.REQUIRE_CUSTOMER_APPROVAL,
            "support-lead",
            "broad-data-access"),
        row(
            "StorageAccount",
            "DataRead",
            ResourceScope.SUBSCRIPTION,
            ENGINEER2,
            JitOutcome.REQUIRE_CUSTOMER_APPROVAL,
            "support-lead",
            "broad-data-access"),
        row(
            "VirtualMachine",
            "RemoteDesktop",
            ResourceScope.TENANT,
            ENGINEER1,
            JitOutcome.REJECT,
            null,
            "tenant-scope-needs-isolated-identity"),
        row(
            "VirtualMachine",
            "RemoteDesktop",
            ResourceScope.TENANT,
            ENGINEER2,
            JitOutcome.REQUIRE_CUSTOMER_APPROVAL,
            "devops-manager",
            "tenant-scope"),
        // Each factor alone: scope, MFA, customer data (access level), resource type.
        row(
            "VirtualMachine",
            "RemoteDesktop",
            ResourceScope.RESOURCE_GROUP,
            ENGINEER1,
            JitOutcome.REQUIRE_CUSTOMER_APPROVAL,
            "support-lead",
            "broad-data-access"),
        row(
            "VirtualMachine",
            "RemoteDesktop",
            ResourceScope.RESOURCE,
            NO_MFA,
            JitOutcome.REJECT,
            null,
            "mfa-required"),
        row(
            "StorageAccount",
            "Reader",
            ResourceScope.SUBSCRIPTION,
            ENGINEER1,
            JitOutcome.GRANT_WITHOUT_LOCKBOX,
            null,
            "metadata-only"),
        row(
            "ManagedDisk",
            "MemoryDump",
            ResourceScope.RESOURCE,
            ENGINEER1,
            JitOutcome.REQUIRE_CUSTOMER_APPROVAL,
            null,
            "customer-data"));
  }

  private static Arguments row(
      String type,
      String level,
      ResourceScope scope,
      Optional<DirectoryUser> who,
      JitOutcome outcome,
      String internal,
      String rule) {
    return Arguments.of(type, level, scope, who, outcome, internal, rule);
  }

  @ParameterizedTest(name = "{0}/{1}/{2} → {4} by {6}")
  @MethodSource("table")
  void theShippedRulesDecide(
      String type,
      String level,
      ResourceScope scope,
      Optional<DirectoryUser> who,
      JitOutcome outcome,
      String internal,
      String rule) {
    JitEvaluation result = policy.evaluate(request(type, level, scope, "contoso"), who, CONTOSO);

    assertThat(result.outcome()).isEqualTo(outcome);
    assertThat(result.internalApprovalRole()).isEqualTo(internal);
    assertThat(result.ruleId()).isEqualTo(rule);
  }

  @Test
  void reasonsAreInPlainWords() {
    JitEvaluation result =
        policy.evaluate(
            request("VirtualMachine", "RemoteDesktop", ResourceScope.RESOURCE, "contoso"),
            ENGINEER1,
            CONTOSO);

    assertThat(result.reasons())
        .containsExactly(
            "remote desktop to a VM reaches customer data",
            "the requester is not on an isolated identity");
    assertThat(result.maxAccessDuration()).isEqualTo(Duration.ofHours(8));
    assertThat(result.maxTotalExtension()).isEqualTo(Duration.ofHours(24));
  }

  @Test
  void anUnknownRequesterHasNoMfaAndIsRejected() {
    JitEvaluation result =
        policy.evaluate(
            request("VirtualMachine", "RemoteDesktop", ResourceScope.RESOURCE, "contoso"),
            Optional.empty(),
            CONTOSO);

    assertThat(result.outcome()).isEqualTo(JitOutcome.REJECT);
  }

  @Test
  void theSignInsIdentityFactsDecide_notTheDirectoryEntry() {
    var rdp = request("VirtualMachine", "RemoteDesktop", ResourceScope.RESOURCE, "contoso");
    var withMfa = rdp.withRequesterIdentity(new RequesterIdentity(true, false));
    var withoutMfa = rdp.withRequesterIdentity(new RequesterIdentity(false, false));

    // Known only to the identity provider, which says the sign-in used MFA: judged on that.
    assertThat(policy.evaluate(withMfa, Optional.empty(), CONTOSO).outcome())
        .isEqualTo(JitOutcome.REQUIRE_CUSTOMER_APPROVAL);
    // In the directory with MFA, but this sign-in had none: the sign-in counts.
    JitEvaluation refused = policy.evaluate(withoutMfa, ENGINEER1, CONTOSO);
    assertThat(refused.outcome()).isEqualTo(JitOutcome.REJECT);
    assertThat(refused.ruleId()).isEqualTo("mfa-required");
  }

  @Test
  void aTenantWithoutLockboxFollowsTheSettingAndTheReasonIsRecorded() {
    DirectoryTenant basic =
        new DirectoryTenant(
            "contoso", "C", List.of("contoso-prod"), true, SupportPlan.BASIC, true, List.of());
    DirectoryTenant disabled =
        new DirectoryTenant(
            "contoso", "C", List.of("contoso-prod"), false, SupportPlan.PREMIER, true, List.of());
    var rdp = request("VirtualMachine", "RemoteDesktop", ResourceScope.RESOURCE, "contoso");

    JitEvaluation granted = policy.evaluate(rdp, ENGINEER1, basic);
    JitEvaluation rejected =
        PolicyFixtures.shipped(TenantWithoutLockbox.REJECT).evaluate(rdp, ENGINEER1, disabled);

    assertThat(granted.outcome()).isEqualTo(JitOutcome.GRANT_WITHOUT_LOCKBOX);
    assertThat(granted.reasons()).last().asString().contains("BASIC support plan");
    assertThat(rejected.outcome()).isEqualTo(JitOutcome.REJECT);
    assertThat(rejected.reasons()).last().asString().contains("has not enabled Customer Lockbox");
  }

  @Test
  void theCatalogueExplainsUnsupportedAndPreviewServices() {
    Catalogue catalogue = policy.catalogue();

    assertThat(catalogue.problemWith("ClassicVirtualMachine", "RemoteDesktop", CONTOSO))
        .get()
        .asString()
        .contains("migrate the virtual machine to Azure Resource Manager");
    assertThat(catalogue.problemWith("StorageAccount", "DataRead", PolicyFixtures.FABRIKAM))
        .get()
        .asString()
        .contains("preview")
        .contains("fabrikam");
    assertThat(catalogue.problemWith("StorageAccount", "DataRead", CONTOSO)).isEmpty();
    assertThat(catalogue.problemWith("VirtualMachine", "Telepathy", CONTOSO))
        .get()
        .asString()
        .contains("RemoteDesktop");
  }
}
