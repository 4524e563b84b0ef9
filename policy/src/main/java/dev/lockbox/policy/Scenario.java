package dev.lockbox.policy;

/**
 * One kind of access to a service, e.g. remote desktop to a virtual machine.
 *
 * @param description plain words for approvers ("remote desktop to a VM")
 * @param customerData whether this access reaches the customer's data
 */
public record Scenario(String accessLevel, String description, boolean customerData) {}
