package dev.lockbox.policy;

import dev.lockbox.workflows.model.ResourceScope;
import java.util.Set;

/** The structured conditions of a rule; an absent condition matches everything. */
record RuleMatch(
    Set<String> resourceTypes,
    Set<String> accessLevels,
    Set<ResourceScope> scopes,
    Boolean customerData,
    Boolean isolatedIdentity,
    Boolean mfa) {

  static final RuleMatch ANY = new RuleMatch(null, null, null, null, null, null);

  boolean matches(RequestFacts facts) {
    return in(resourceTypes, facts.getResourceType())
        && in(accessLevels, facts.getAccessLevel())
        && in(scopes, facts.scope())
        && is(customerData, facts.isCustomerData())
        && is(isolatedIdentity, facts.isIsolatedIdentity())
        && is(mfa, facts.isMfa());
  }

  boolean isEmpty() {
    return equals(ANY);
  }

  private static <T> boolean in(Set<T> allowed, T value) {
    return allowed == null || allowed.contains(value);
  }

  private static boolean is(Boolean wanted, boolean actual) {
    return wanted == null || wanted == actual;
  }
}
