package dev.lockbox.policy;

import dev.lockbox.workflows.model.ResourceScope;

/**
 * What the rules see about a request. Identity facts come from the directory, never from the
 * request body. Getters (not record accessors) because SpEL's read-only data binding reads beans.
 */
public final class RequestFacts {

  private final String resourceType;
  private final String accessLevel;
  private final ResourceScope scope;
  private final boolean customerData;
  private final boolean isolatedIdentity;
  private final boolean mfa;
  private final String tenantId;

  public RequestFacts(
      String resourceType,
      String accessLevel,
      ResourceScope scope,
      boolean customerData,
      boolean isolatedIdentity,
      boolean mfa,
      String tenantId) {
    this.resourceType = resourceType;
    this.accessLevel = accessLevel;
    this.scope = scope;
    this.customerData = customerData;
    this.isolatedIdentity = isolatedIdentity;
    this.mfa = mfa;
    this.tenantId = tenantId;
  }

  ResourceScope scope() {
    return scope;
  }

  public String getResourceType() {
    return resourceType;
  }

  public String getAccessLevel() {
    return accessLevel;
  }

  public String getScope() {
    return scope.name();
  }

  public boolean isCustomerData() {
    return customerData;
  }

  public boolean isIsolatedIdentity() {
    return isolatedIdentity;
  }

  public boolean isMfa() {
    return mfa;
  }

  public String getTenantId() {
    return tenantId;
  }
}
