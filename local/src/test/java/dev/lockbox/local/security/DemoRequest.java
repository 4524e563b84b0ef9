package dev.lockbox.local.security;

/** The README's demo request, as these tests send it. */
final class DemoRequest {

  static final String BODY =
      """
      {"supportTicketId":"SR-1001","tenantId":"contoso","subscriptionId":"contoso-prod",
       "resourceType":"VirtualMachine","resourceId":"vm-web-01","accessLevel":"RemoteDesktop",
       "justification":"Customer reports RDP failures; need to inspect event logs"}""";

  private DemoRequest() {}
}
