package dev.lockbox.policy;

import dev.lockbox.directory.DirectoryTenant;
import dev.lockbox.directory.DirectoryUser;
import dev.lockbox.workflows.model.JitEvaluation;
import dev.lockbox.workflows.model.JitOutcome;
import dev.lockbox.workflows.model.LockboxRequest;
import dev.lockbox.workflows.model.RequesterIdentity;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The JIT policy: a catalogue of services and an ordered list of rules, first match wins. */
public final class Policy {

  private final Catalogue catalogue;
  private final List<Rule> rules;
  static final int DEFAULT_REQUESTS_PER_ENGINEER_PER_HOUR = 60;
  static final Duration DEFAULT_EXTENSION_CAP_PER_REQUEST = Duration.ofHours(24);

  private final TenantWithoutLockbox tenantWithoutLockbox;
  private final int requestsPerEngineerPerHour;
  private final Duration extensionCapPerRequest;

  Policy(
      Catalogue catalogue,
      List<Rule> rules,
      TenantWithoutLockbox tenantWithoutLockbox,
      int requestsPerEngineerPerHour,
      Duration extensionCapPerRequest) {
    this.catalogue = catalogue;
    this.rules = List.copyOf(rules);
    this.tenantWithoutLockbox = tenantWithoutLockbox;
    this.requestsPerEngineerPerHour = requestsPerEngineerPerHour;
    this.extensionCapPerRequest = extensionCapPerRequest;
  }

  /** How much more time, in all, extensions of one request may add (the rules file's limits). */
  public Duration extensionCapPerRequest() {
    return extensionCapPerRequest;
  }

  /** How many new requests one engineer may start in any hour (the rules file's limits). */
  public int requestsPerEngineerPerHour() {
    return requestsPerEngineerPerHour;
  }

  public Catalogue catalogue() {
    return catalogue;
  }

  public List<String> ruleIds() {
    return rules.stream().map(Rule::id).toList();
  }

  /**
   * Evaluates a request. The requester's identity facts are those of their sign-in, recorded in the
   * request; requests without them (made before they were recorded) use the directory entry.
   */
  public JitEvaluation evaluate(
      LockboxRequest request, Optional<DirectoryUser> requester, DirectoryTenant tenant) {
    Optional<String> problem =
        catalogue.problemWith(request.resourceType(), request.accessLevel(), tenant);
    if (problem.isPresent()) {
      return new JitEvaluation(JitOutcome.REJECT, "catalogue", List.of(problem.get()));
    }
    Scenario scenario =
        catalogue.scenario(request.resourceType(), request.accessLevel()).orElseThrow();
    RequestFacts facts = facts(request, requester, scenario);
    Rule rule = firstMatch(facts);
    List<String> reasons = new ArrayList<>();
    for (String reason : rule.because()) {
      reasons.add(fill(reason, scenario, facts));
    }
    JitOutcome outcome = rule.outcome();
    String unavailable = tenant.lockboxUnavailableReason();
    if (outcome == JitOutcome.REQUIRE_CUSTOMER_APPROVAL && unavailable != null) {
      outcome =
          tenantWithoutLockbox == TenantWithoutLockbox.REJECT
              ? JitOutcome.REJECT
              : JitOutcome.GRANT_WITHOUT_LOCKBOX;
      reasons.add(unavailable);
    }
    return new JitEvaluation(
        outcome,
        rule.id(),
        reasons,
        rule.internalApproval(),
        rule.maxAccessDuration(),
        extensionCapPerRequest);
  }

  private Rule firstMatch(RequestFacts facts) {
    return rules.stream()
        .filter(rule -> rule.matches(facts))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("the rules file has no catch-all rule"));
  }

  private static RequestFacts facts(
      LockboxRequest request, Optional<DirectoryUser> requester, Scenario scenario) {
    return new RequestFacts(
        request.resourceType(),
        request.accessLevel(),
        request.resourceScope(),
        scenario.customerData(),
        identity(request, requester).isolatedIdentity(),
        identity(request, requester).mfa(),
        request.tenantId());
  }

  private static RequesterIdentity identity(
      LockboxRequest request, Optional<DirectoryUser> requester) {
    if (request.requesterIdentity() != null) {
      return request.requesterIdentity();
    }
    return new RequesterIdentity(
        requester.map(DirectoryUser::mfa).orElse(false),
        requester.map(DirectoryUser::isolatedIdentity).orElse(false));
  }

  private static String fill(String reason, Scenario scenario, RequestFacts facts) {
    String identity =
        facts.isIsolatedIdentity()
            ? "the requester uses an isolated identity"
            : "the requester is not on an isolated identity";
    return reason
        .replace("{scenario}", scenario.description())
        .replace("{identity}", identity)
        .replace("{scope}", facts.getScope().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
  }
}
