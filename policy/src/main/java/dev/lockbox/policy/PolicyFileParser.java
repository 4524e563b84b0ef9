package dev.lockbox.policy;

import dev.lockbox.workflows.model.JitOutcome;
import dev.lockbox.workflows.model.ResourceScope;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.expression.Expression;
import org.springframework.expression.ParseException;
import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/** Reads a rules file and checks everything that can be checked before the first request. */
public final class PolicyFileParser {

  private static final SpelExpressionParser SPEL = new SpelExpressionParser();
  private static final RequestFacts SAMPLE =
      new RequestFacts(
          "VirtualMachine", "RemoteDesktop", ResourceScope.RESOURCE, true, false, true, "t");

  private static final String EXTENSION_CAP = "extension-cap-per-request";

  private PolicyFileParser() {}

  public static Policy parse(
      String yaml, String source, TenantWithoutLockbox tenantWithoutLockbox) {
    Object document;
    try {
      document = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
    } catch (YAMLException e) {
      throw new PolicyFileException(
          "Rules file " + source + " is not valid YAML: " + e.getMessage());
    }
    try {
      YamlNode root = new YamlNode("top level", document);
      root.allowOnly("catalogue", "rules", "limits");
      Catalogue catalogue = catalogue(root.child("catalogue"));
      List<Rule> rules = rules(root, catalogue);
      return new Policy(
          catalogue, rules, tenantWithoutLockbox, requestsPerHour(root), extensionCap(root));
    } catch (PolicyFileException e) {
      throw new PolicyFileException("Rules file " + source + ": " + e.getMessage());
    }
  }

  /** {@code limits.requests-per-engineer-per-hour}: a positive whole number, default 60. */
  private static int requestsPerHour(YamlNode root) {
    if (!root.has("limits")) {
      return Policy.DEFAULT_REQUESTS_PER_ENGINEER_PER_HOUR;
    }
    YamlNode limits = root.child("limits");
    limits.allowOnly("requests-per-engineer-per-hour", "extension-cap-per-request");
    String text = limits.optionalText("requests-per-engineer-per-hour");
    if (text == null) {
      return Policy.DEFAULT_REQUESTS_PER_ENGINEER_PER_HOUR;
    }
    try {
      int value = Integer.parseInt(text);
      if (value > 0) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw limits.problem(
        "'requests-per-engineer-per-hour' must be a positive whole number, not '" + text + "'");
  }

  /**
   * {@code limits.extension-cap-per-request}: how much more time all extensions of one request may
   * add, an ISO-8601 duration, zero for none; default PT24H.
   */
  private static Duration extensionCap(YamlNode root) {
    String text = root.has("limits") ? root.child("limits").optionalText(EXTENSION_CAP) : null;
    if (text == null) {
      return Policy.DEFAULT_EXTENSION_CAP_PER_REQUEST;
    }
    YamlNode limits = root.child("limits");
    try {
      Duration cap = Duration.parse(text);
      if (!cap.isNegative()) {
        return cap;
      }
    } catch (DateTimeParseException e) {
      // reported below
    }
    throw limits.problem(
        "'"
            + EXTENSION_CAP
            + "' must be an ISO-8601 duration such as PT24H (PT0S for no"
            + " extensions), not "
            + text);
  }

  private static Catalogue catalogue(YamlNode node) {
    node.allowOnly("services", "unsupported");
    Map<String, Service> services = new LinkedHashMap<>();
    for (YamlNode s : node.children("services", "service")) {
      s.allowOnly("resource-type", "description", "availability", "scenarios");
      List<Scenario> scenarios = new ArrayList<>();
      for (YamlNode sc : s.children("scenarios", "scenario")) {
        sc.allowOnly("access-level", "description", "customer-data");
        Boolean customerData = sc.optionalBoolean("customer-data");
        if (customerData == null) {
          throw sc.problem("'customer-data' is missing (true or false)");
        }
        scenarios.add(new Scenario(sc.text("access-level"), sc.text("description"), customerData));
      }
      Service service =
          new Service(
              s.text("resource-type"),
              s.text("description"),
              s.enumValue("availability", Availability.class),
              scenarios);
      if (services.put(service.resourceType(), service) != null) {
        throw s.problem("resource type " + service.resourceType() + " is listed twice");
      }
    }
    Map<String, UnsupportedService> unsupported = new LinkedHashMap<>();
    if (node.has("unsupported")) {
      for (YamlNode u : node.children("unsupported", "unsupported service")) {
        u.allowOnly("resource-type", "reason", "advice");
        unsupported.put(
            u.text("resource-type"),
            new UnsupportedService(u.text("resource-type"), u.text("reason"), u.text("advice")));
      }
    }
    return new Catalogue(services, unsupported);
  }

  private static List<Rule> rules(YamlNode root, Catalogue catalogue) {
    List<Rule> rules = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (YamlNode node : root.children("rules", "rule")) {
      if (!rules.isEmpty() && rules.get(rules.size() - 1).isCatchAll()) {
        throw node.problem(
            "can never match: rule '"
                + rules.get(rules.size() - 1).id()
                + "' before it matches everything");
      }
      Rule rule = rule(node, catalogue);
      if (!ids.add(rule.id())) {
        throw node.problem("the id '" + rule.id() + "' is used twice");
      }
      rules.add(rule);
    }
    Rule last = rules.get(rules.size() - 1);
    if (!last.isCatchAll()) {
      throw new PolicyFileException(
          "the last rule ('"
              + last.id()
              + "') must be a default rule without 'match' or 'condition'");
    }
    return rules;
  }

  private static Rule rule(YamlNode node, Catalogue catalogue) {
    node.allowOnly(
        "id",
        "description",
        "match",
        "condition",
        "outcome",
        "because",
        "internal-approval",
        "max-access-duration");
    return new Rule(
        node.text("id"),
        node.has("match") ? match(node.child("match"), catalogue) : RuleMatch.ANY,
        node.has("condition") ? condition(node) : null,
        node.enumValue("outcome", JitOutcome.class),
        node.texts("because"),
        node.optionalText("internal-approval"),
        node.has("max-access-duration") ? duration(node, node.text("max-access-duration")) : null);
  }

  private static RuleMatch match(YamlNode node, Catalogue catalogue) {
    node.allowOnly(
        "resource-types", "access-levels", "scopes", "customer-data", "isolated-identity", "mfa");
    Set<String> resourceTypes =
        node.has("resource-types") ? new LinkedHashSet<>(node.texts("resource-types")) : null;
    if (resourceTypes != null) {
      for (String type : resourceTypes) {
        if (catalogue.service(type).isEmpty()) {
          throw node.problem("resource type " + type + " is not in the catalogue");
        }
      }
    }
    Set<ResourceScope> scopes = null;
    if (node.has("scopes")) {
      scopes = new LinkedHashSet<>();
      for (String scope : node.texts("scopes")) {
        scopes.add(node.enumOf(scope, ResourceScope.class, "scopes"));
      }
    }
    return new RuleMatch(
        resourceTypes,
        node.has("access-levels") ? new LinkedHashSet<>(node.texts("access-levels")) : null,
        scopes,
        node.optionalBoolean("customer-data"),
        node.optionalBoolean("isolated-identity"),
        node.optionalBoolean("mfa"));
  }

  /** Parses the SpEL condition and tries it once, so a typo fails start-up, not a request. */
  private static Expression condition(YamlNode node) {
    String text = node.text("condition");
    try {
      Expression expression = SPEL.parseExpression(text);
      Rule probe =
          new Rule("probe", RuleMatch.ANY, expression, JitOutcome.REJECT, List.of("x"), null, null);
      probe.matches(SAMPLE);
      return expression;
    } catch (ParseException | org.springframework.expression.EvaluationException e) {
      throw node.problem("condition '" + text + "' is not valid: " + e.getMessage());
    }
  }

  private static Duration duration(YamlNode node, String text) {
    try {
      Duration duration = Duration.parse(text);
      if (duration.isNegative() || duration.isZero()) {
        throw node.problem("'max-access-duration' must be longer than zero");
      }
      return duration;
    } catch (DateTimeParseException e) {
      throw node.problem(
          "'max-access-duration' is '" + text + "', not an ISO-8601 duration such as PT4H");
    }
  }
}
