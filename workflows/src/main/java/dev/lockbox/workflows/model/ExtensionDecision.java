package dev.lockbox.workflows.model;

/** An approver's decision on one extension of a request, as it is sent to the workflow. */
public record ExtensionDecision(String extensionId, Decision decision) {}
