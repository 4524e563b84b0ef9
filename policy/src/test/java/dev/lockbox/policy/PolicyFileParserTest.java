package dev.lockbox.policy;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A bad rules file fails with a message that names the rule and the problem. */
class PolicyFileParserTest {

  private static final String OK_DEFAULT =
      "  - {id: default, outcome: REQUIRE_CUSTOMER_APPROVAL, because: [ask]}\n";

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "unknown outcome | '  - {id: maybe, outcome: PERHAPS, because: [x]}\n' | rule 'maybe' (#1): 'outcome' is 'PERHAPS'",
        "bad condition | '  - {id: typo, condition: \"acessLevel == 1\", outcome: REJECT, because: [x]}\n' | rule 'typo' (#1): condition",
        "bad syntax | '  - {id: broken, condition: \"accessLevel ==\", outcome: REJECT, because: [x]}\n' | rule 'broken' (#1): condition",
        "unknown key | '  - {id: extra, outcome: REJECT, because: [x], colour: red}\n' | rule 'extra' (#1): unknown key 'colour'",
        "unknown scope | '  - {id: scoped, match: {scopes: [GALAXY]}, outcome: REJECT, because: [x]}\n' | rule 'scoped' (#1) match: 'scopes' is 'GALAXY'",
        "unknown type | '  - {id: typed, match: {resource-types: [Toaster]}, outcome: REJECT, because: [x]}\n' | rule 'typed' (#1) match: resource type Toaster is not in the catalogue",
        "bad duration | '  - {id: long, outcome: REJECT, because: [x], max-access-duration: 8 hours}\n' | rule 'long' (#1): 'max-access-duration' is '8 hours'",
        "no reasons | '  - {id: mute, outcome: REJECT}\n' | rule 'mute' (#1): 'because' must be a non-empty list",
        "duplicate id | '  - {id: default, match: {mfa: false}, outcome: REJECT, because: [x]}\n' | rule 'default' (#2): the id 'default' is used twice",
      })
  void aBadRuleIsNamedWithItsProblem(String name, String rule, String message) {
    assertThatThrownBy(() -> RuleOrderTest.parse(rule.replace("\\n", "\n") + OK_DEFAULT))
        .isInstanceOf(PolicyFileException.class)
        .hasMessageContaining(message);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "no default | '  - {id: only, match: {mfa: false}, outcome: REJECT, because: [x]}\n' | the last rule ('only') must be a default rule",
        "unreachable | '  - {id: all, outcome: REJECT, because: [x]}\n  - {id: never, outcome: REJECT, because: [x]}\n' | rule 'never' (#2): can never match",
      })
  void theRuleListMustEndInExactlyOneDefault(String name, String rules, String message) {
    assertThatThrownBy(() -> RuleOrderTest.parse(rules.replace("\\n", "\n")))
        .isInstanceOf(PolicyFileException.class)
        .hasMessageContaining(message);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "not yaml | 'rules: [unclosed' | is not valid YAML",
        "bad extension cap | 'limits: {extension-cap-per-request: 12 hours}\ncatalogue: {services: [{resource-type: X, description: x, availability: GA, scenarios: [{access-level: A, description: a, customer-data: true}]}]}\nrules: [{id: default, outcome: REJECT, because: [x]}]' | must be an ISO-8601 duration such as PT24H (PT0S for no extensions), not 12 hours",
        "negative extension cap | 'limits: {extension-cap-per-request: -PT1H}\ncatalogue: {services: [{resource-type: X, description: x, availability: GA, scenarios: [{access-level: A, description: a, customer-data: true}]}]}\nrules: [{id: default, outcome: REJECT, because: [x]}]' | no extensions), not -PT1H",
        "scenario without customer-data | 'catalogue: {services: [{resource-type: X, description: x, availability: GA, scenarios: [{access-level: A, description: a}]}]}\nrules: [{id: default, outcome: REJECT, because: [x]}]' | is missing (true or false)",
      })
  void aBadFileIsRefusedAsAWhole(String name, String yaml, String message) {
    assertThatThrownBy(
            () ->
                PolicyFileParser.parse(
                    yaml.replace("\\n", "\n"), "test.yml", TenantWithoutLockbox.REJECT))
        .isInstanceOf(PolicyFileException.class)
        .hasMessageContaining("Rules file test.yml")
        .hasMessageContaining(message);
  }

  @org.junit.jupiter.api.Test
  void theExtensionCapIsReadFromTheLimitsAndDefaultsToADay() {
    String rules =
        "catalogue: {services: [{resource-type: X, description: x, availability: GA, scenarios: [{access-level: A, description: a, customer-data: true}]}]}\n"
            + "rules: [{id: default, outcome: REJECT, because: [x]}]";
    Policy capped =
        PolicyFileParser.parse(
            "limits: {extension-cap-per-request: PT12H}\n" + rules,
            "test.yml",
            TenantWithoutLockbox.REJECT);
    Policy unset = PolicyFileParser.parse(rules, "test.yml", TenantWithoutLockbox.REJECT);

    org.assertj.core.api.Assertions.assertThat(capped.extensionCapPerRequest())
        .isEqualTo(java.time.Duration.ofHours(12));
    org.assertj.core.api.Assertions.assertThat(unset.extensionCapPerRequest())
        .isEqualTo(java.time.Duration.ofHours(24));
  }
}
