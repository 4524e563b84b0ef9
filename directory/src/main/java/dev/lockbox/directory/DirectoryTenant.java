package dev.lockbox.directory;

import java.util.List;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * A customer tenant, the subscriptions it owns and its Lockbox settings.
 *
 * @param lockboxEnabled the customer turned Customer Lockbox on
 * @param previewOptIn the customer opted into preview services
 */
public record DirectoryTenant(
    String id,
    String displayName,
    List<String> subscriptions,
    @DefaultValue("true") boolean lockboxEnabled,
    @DefaultValue("DEVELOPER") SupportPlan supportPlan,
    @DefaultValue("false") boolean previewOptIn) {

  public DirectoryTenant {
    subscriptions = subscriptions == null ? List.of() : List.copyOf(subscriptions);
    supportPlan = supportPlan == null ? SupportPlan.DEVELOPER : supportPlan;
  }

  public boolean owns(String subscriptionId) {
    return subscriptions.contains(subscriptionId);
  }

  /** Why Lockbox does not protect this tenant, or null when it does. */
  public String lockboxUnavailableReason() {
    if (!lockboxEnabled) {
      return "tenant " + id + " has not enabled Customer Lockbox";
    }
    if (!supportPlan.includesLockbox()) {
      return "the "
          + supportPlan
          + " support plan of tenant "
          + id
          + " does not include Customer Lockbox (Developer or higher)";
    }
    return null;
  }
}
