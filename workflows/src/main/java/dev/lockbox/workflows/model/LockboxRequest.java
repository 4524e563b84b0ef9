package dev.lockbox.workflows.model;

import java.time.Duration;

/**
 * What an engineer asked for, as the workflow receives it. The windows are captured when the
 * request starts so a later configuration change never alters a running request. Fields added after
 * the first release are null (or false) in older histories; the compact constructor gives them the
 * meaning they had then.
 *
 * @param requester the authenticated engineer
 * @param approvalWindow how long the customer has to decide
 * @param accessDuration how long access lasts once granted
 * @param breakGlass emergency access outside standard procedures: granted without waiting
 * @param reminderBeforeExpiry when to remind approvers before expiry; null for no reminder
 * @param internalApprovalWindow how long an internal reviewer has to decide
 * @param requesterIdentity the identity facts of the engineer's sign-in; null in requests made
 *     before it was recorded, which the policy judges on the directory's facts
 * @param extensionApprovalWindow how long the approvers have to decide a request for more time
 *     (never past the access end); null in requests made before extensions, and then the access end
 *     is the only limit
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
    Duration accessDuration,
    ResourceScope resourceScope,
    boolean breakGlass,
    Duration reminderBeforeExpiry,
    Duration internalApprovalWindow,
    RequesterIdentity requesterIdentity,
    Duration extensionApprovalWindow) {

  public LockboxRequest {
    resourceScope = resourceScope == null ? ResourceScope.RESOURCE : resourceScope;
  }

  /** This request as made by a sign-in with these identity facts. */
  public LockboxRequest withRequesterIdentity(RequesterIdentity identity) {
    return with(approvalWindow, accessDuration, reminderBeforeExpiry, identity);
  }

  /**
   * This request with other windows: the approvers' time to decide, how long access lasts, and when
   * they are reminded before expiry (null for no reminder).
   */
  public LockboxRequest withWindows(
      Duration approvalWindow, Duration accessDuration, Duration reminderBeforeExpiry) {
    return with(approvalWindow, accessDuration, reminderBeforeExpiry, requesterIdentity);
  }

  private LockboxRequest with(
      Duration approvalWindow,
      Duration accessDuration,
      Duration reminderBeforeExpiry,
      RequesterIdentity identity) {
    return new LockboxRequest(
        requestId,
        requester,
        supportTicketId,
        tenantId,
        subscriptionId,
        resourceType,
        resourceId,
        accessLevel,
        justification,
        approvalWindow,
        accessDuration,
        resourceScope,
        breakGlass,
        reminderBeforeExpiry,
        internalApprovalWindow,
        identity,
        extensionApprovalWindow);
  }

  /** A request without an extension approval window of its own (as made before extensions). */
  public LockboxRequest(
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
      Duration accessDuration,
      ResourceScope resourceScope,
      boolean breakGlass,
      Duration reminderBeforeExpiry,
      Duration internalApprovalWindow,
      RequesterIdentity requesterIdentity) {
    this(
        requestId,
        requester,
        supportTicketId,
        tenantId,
        subscriptionId,
        resourceType,
        resourceId,
        accessLevel,
        justification,
        approvalWindow,
        accessDuration,
        resourceScope,
        breakGlass,
        reminderBeforeExpiry,
        internalApprovalWindow,
        requesterIdentity,
        null);
  }
}
