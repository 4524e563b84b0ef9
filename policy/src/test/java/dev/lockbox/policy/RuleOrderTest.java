package dev.lockbox.policy;

import static dev.lockbox.policy.PolicyFixtures.CONTOSO;
import static dev.lockbox.policy.PolicyFixtures.engineer;
import static dev.lockbox.policy.PolicyFixtures.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lockbox.workflows.model.JitOutcome;
import dev.lockbox.workflows.model.ResourceScope;
import org.junit.jupiter.api.Test;

/** First match wins, conditions in SpEL, and the default rule catches the rest. */
class RuleOrderTest {

  private static final String CATALOGUE =
      """
      catalogue:
        services:
          - resource-type: VirtualMachine
            description: VMs
            availability: GA
            scenarios:
              - {access-level: RemoteDesktop, description: remote desktop to a VM, customer-data: true}
              - {access-level: Reader, description: VM metadata, customer-data: false}
      """;

  private static final String GRANT_READERS =
      """
        - id: grant-readers
          condition: "accessLevel == 'Reader'"
          outcome: GRANT_WITHOUT_LOCKBOX
          because: [readers see no data]
      """;

  private static final String REJECT_VMS =
      """
        - id: reject-vms
          match: {resource-types: [VirtualMachine]}
          outcome: REJECT
          because: [no VMs today]
      """;

  private static final String DEFAULT =
      """
        - id: default
          outcome: REQUIRE_CUSTOMER_APPROVAL
          because: [ask the customer]
      """;

  @Test
  void theFirstMatchingRuleDecides() {
    Policy readersFirst = parse(GRANT_READERS + REJECT_VMS + DEFAULT);
    Policy vmsFirst = parse(REJECT_VMS + GRANT_READERS + DEFAULT);
    var reader = request("VirtualMachine", "Reader", ResourceScope.RESOURCE, "contoso");

    assertThat(readersFirst.evaluate(reader, engineer(false, true), CONTOSO).outcome())
        .isEqualTo(JitOutcome.GRANT_WITHOUT_LOCKBOX);
    assertThat(vmsFirst.evaluate(reader, engineer(false, true), CONTOSO).outcome())
        .isEqualTo(JitOutcome.REJECT);
  }

  @Test
  void aRequestNoRuleMatchesFallsToTheDefault() {
    Policy policy = parse(GRANT_READERS + DEFAULT);
    var rdp = request("VirtualMachine", "RemoteDesktop", ResourceScope.RESOURCE, "contoso");

    var result = policy.evaluate(rdp, engineer(false, true), CONTOSO);

    assertThat(result.ruleId()).isEqualTo("default");
    assertThat(result.outcome()).isEqualTo(JitOutcome.REQUIRE_CUSTOMER_APPROVAL);
  }

  static Policy parse(String rules) {
    return PolicyFileParser.parse(
        CATALOGUE + "rules:\n" + rules, "test", TenantWithoutLockbox.REJECT);
  }
}
