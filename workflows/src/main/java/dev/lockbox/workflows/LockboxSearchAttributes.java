package dev.lockbox.workflows;

import io.temporal.common.SearchAttributeKey;
import java.util.List;

/**
 * Search attributes the Web UI filters on. Every one must be registered on the namespace before a
 * workflow sets it: an unregistered attribute fails the workflow task forever.
 */
public final class LockboxSearchAttributes {

  public static final SearchAttributeKey<String> STATUS =
      SearchAttributeKey.forKeyword("LockboxStatus");
  public static final SearchAttributeKey<String> TENANT_ID =
      SearchAttributeKey.forKeyword("TenantId");
  public static final SearchAttributeKey<String> SUBSCRIPTION_ID =
      SearchAttributeKey.forKeyword("SubscriptionId");
  public static final SearchAttributeKey<String> SUPPORT_TICKET_ID =
      SearchAttributeKey.forKeyword("SupportTicketId");
  public static final SearchAttributeKey<String> REQUESTER =
      SearchAttributeKey.forKeyword("Requester");
  public static final SearchAttributeKey<String> RESOURCE_TYPE =
      SearchAttributeKey.forKeyword("ResourceType");

  /** Emergency access taken without asking the customer first. */
  public static final SearchAttributeKey<Boolean> BREAK_GLASS =
      SearchAttributeKey.forBoolean("BreakGlass");

  public static final List<SearchAttributeKey<?>> ALL =
      List.of(
          STATUS,
          TENANT_ID,
          SUBSCRIPTION_ID,
          SUPPORT_TICKET_ID,
          REQUESTER,
          RESOURCE_TYPE,
          BREAK_GLASS);

  private LockboxSearchAttributes() {}
}
