package dev.lockbox.workflows.model;

/** How much of the customer's estate a request reaches. */
public enum ResourceScope {
  RESOURCE,
  RESOURCE_GROUP,
  SUBSCRIPTION,
  TENANT
}
