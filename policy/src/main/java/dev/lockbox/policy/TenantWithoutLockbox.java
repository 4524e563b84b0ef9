package dev.lockbox.policy;

/**
 * What happens to a request that would need the customer when the tenant has no Customer Lockbox
 * (not enabled, or a support plan below Developer). Either way the reason is recorded.
 */
public enum TenantWithoutLockbox {
  /** Access proceeds under the provider's standard JIT controls, as in Azure. */
  GRANT_WITHOUT_LOCKBOX,
  /** Nothing is granted without the customer's say. */
  REJECT
}
