package dev.lockbox.directory;

import java.util.List;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * A customer tenant, the subscriptions it owns and its Lockbox settings.
 *
 * @param lockboxEnabled the customer turned Customer Lockbox on
 * @param previewOptIn the customer opted into preview services
 * @param approvalLevels the customer's approval, level by level in sequence (at most {@value
 *     #MAX_APPROVAL_LEVELS}); empty for one approval by any designated approver
 */
public record DirectoryTenant(
    String id,
    String displayName,
    List<String> subscriptions,
    @DefaultValue("true") boolean lockboxEnabled,
    @DefaultValue("DEVELOPER") SupportPlan supportPlan,
    @DefaultValue("false") boolean previewOptIn,
    @DefaultValue List<ApprovalLevelSetting> approvalLevels) {

  /** As Oracle's Lockbox approval templates: up to three levels approve in sequence. */
  public static final int MAX_APPROVAL_LEVELS = 3;

  public DirectoryTenant {
    approvalLevels = approvalLevels == null ? List.of() : List.copyOf(approvalLevels);
    if (approvalLevels.size() > MAX_APPROVAL_LEVELS) {
      throw new IllegalArgumentException(
          "tenant " + id + " has more than " + MAX_APPROVAL_LEVELS + " approval levels");
    }
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
