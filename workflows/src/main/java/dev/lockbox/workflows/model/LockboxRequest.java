package dev.lockbox.workflows.model;

import java.time.Duration;

/**
 * What an engineer asked for, as the workflow receives it. The windows are captured when the
 * request starts so a later configuration change never alters a running request.
 *
 * @param requester the authenticated engineer
 * @param approvalWindow how long the customer has to decide
 * @param accessDuration how long access lasts once granted
 */
public record LockboxRequest(
    String requestId,
    String requester,
    String supportTicketId,
    String tenantId,
    String subscriptionId,
    String resourceType,
    String resourceId,
    String accessLevel,
    String justification,
    Duration approvalWindow,
    Duration accessDuration) {}
