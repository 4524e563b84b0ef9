package dev.lockbox.workflows.testing;

import dev.lockbox.workflows.model.LockboxRequest;
import dev.lockbox.workflows.model.ResourceScope;
import java.time.Duration;

/** The demo request of the README, with the default windows. */
public final class LockboxTestRequests {

  public static final String REQUESTER = "engineer1";
  public static final Duration APPROVAL_WINDOW = Duration.ofDays(4);
  public static final Duration ACCESS_WINDOW = Duration.ofHours(8);
  public static final Duration REMINDER_BEFORE_EXPIRY = Duration.ofHours(24);
  public static final Duration INTERNAL_APPROVAL_WINDOW = Duration.ofHours(24);
  public static final Duration EXTENSION_APPROVAL_WINDOW = Duration.ofHours(1);

  private LockboxTestRequests() {}

  /** Emergency access for one hour, declared by an incident responder. */
  public static LockboxRequest breakGlass(String requestId) {
    LockboxRequest r = demo(requestId);
    return new LockboxRequest(
        r.requestId(),
        "oncall1",
        r.supportTicketId(),
        r.tenantId(),
        r.subscriptionId(),
        r.resourceType(),
        r.resourceId(),
        r.accessLevel(),
        "Sev-1 outage: customer VM unresponsive, on-call must inspect it now",
        r.approvalWindow(),
        Duration.ofHours(1),
        r.resourceScope(),
        true,
        null,
        r.internalApprovalWindow(),
        r.requesterIdentity(),
        r.extensionApprovalWindow());
  }

  public static LockboxRequest demo(String requestId) {
    return new LockboxRequest(
        requestId,
        REQUESTER,
        "SR-1001",
        "contoso",
        "contoso-prod",
        "VirtualMachine",
        "vm-web-01",
        "RemoteDesktop",
        "Customer reports RDP failures; need to inspect event logs",
        APPROVAL_WINDOW,
        ACCESS_WINDOW,
        ResourceScope.RESOURCE,
        false,
        REMINDER_BEFORE_EXPIRY,
        INTERNAL_APPROVAL_WINDOW,
        null,
        EXTENSION_APPROVAL_WINDOW);
  }
}
