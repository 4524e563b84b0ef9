package dev.lockbox.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

/** Request bodies and steps the durable-mode tests share: create one, wait for a status. */
final class LockboxRequests {

  static final String STORAGE_FOR_A_SUBSCRIPTION =
      """
      {"supportTicketId":"SR-3001","tenantId":"contoso","subscriptionId":"contoso-prod",
       "resourceType":"StorageAccount","resourceId":"st-logs","accessLevel":"DataRead",
       "resourceScope":"SUBSCRIPTION","justification":"Audit log export fails for the customer"}""";

  static final String FABRIKAM_VM =
      """
      {"supportTicketId":"SR-4001","tenantId":"fabrikam","subscriptionId":"fabrikam-prod",
       "resourceType":"VirtualMachine","resourceId":"vm-db-02","accessLevel":"RemoteDesktop",
       "justification":"Database VM does not boot after patching"}""";

  static final String BREAK_GLASS =
      """
      {"supportTicketId":"SR-5001","tenantId":"contoso","subscriptionId":"contoso-prod",
       "resourceType":"VirtualMachine","resourceId":"vm-web-01","accessLevel":"RemoteDesktop",
       "justification":"Sev-1 outage: VM unresponsive, inspecting now","breakGlass":true}""";

  private LockboxRequests() {}

  /** Creates the request and returns its id; the status it settles in is waited for. */
  static String create(LockboxHttp http, String user, String body, String status) {
    LockboxHttp.Response created = http.postJson(user, "/api/lockbox-requests", body);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String id = created.text("id");
    awaitStatus(http, id, status);
    return id;
  }

  /** Decides and checks the answer is 200. */
  static LockboxHttp.Response decide(LockboxHttp http, String user, String id, String decision) {
    LockboxHttp.Response answer =
        http.postJson(user, "/api/lockbox-requests/" + id + "/" + decision, "{}");
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    return answer;
  }

  /**
   * The API answers a create at most 5 s after the workflow started; on a busy machine the request
   * may still be EVALUATING then.
   */
  static void awaitStatus(LockboxHttp http, String id, String status) {
    await(id + " " + status)
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> http.get("auditor", "/api/lockbox-requests/" + id).text("status"),
            status::equals);
  }
}
