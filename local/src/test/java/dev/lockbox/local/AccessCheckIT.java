package dev.lockbox.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lockbox.workflows.LockboxNames;
import io.temporal.client.WorkflowClient;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

/**
 * The built-in access system as a gateway sees it, over real HTTP: {@code GET /api/access/check}
 * follows each request's grant from approval to its end, early revokes included.
 */
@Timeout(180)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessCheckIT {

  private static final String DEMO =
      """
      {"supportTicketId":"SR-1001","tenantId":"contoso","subscriptionId":"contoso-prod",
       "resourceType":"VirtualMachine","resourceId":"%s","accessLevel":"RemoteDesktop",
       "justification":"Customer reports RDP failures; need to inspect event logs",
       "requestedDuration":"%s"}""";

  private RunningLockbox lockbox;

  @BeforeAll
  void start() {
    lockbox = new RunningLockbox("--lockbox.minimum-access-duration=PT1S");
  }

  @AfterAll
  void stop() {
    lockbox.close();
  }

  @Test
  void allowedWhileAccessIsGranted_andNotOnceTheRequestIsCompleted() {
    String id = granted("vm-window", "PT6S");

    var check = check("vm-window");
    assertThat(check.path("allowed").asBoolean()).isTrue();
    assertThat(check.path("requestId").asString()).isEqualTo(id);
    assertThat(check.path("accessLevel").asString()).isEqualTo("RemoteDesktop");
    assertThat(Instant.parse(check.path("expiresAt").asString()))
        .isEqualTo(Instant.parse(status(id).path("accessExpiresAt").asString()));

    LockboxRequests.awaitStatus(lockbox.http(), id, "COMPLETED");
    assertThat(check("vm-window").toString()).isEqualTo("{\"allowed\":false}");
  }

  @Test
  void anEarlyRevokeEndsAccessAtOnce() {
    String id = granted("vm-revoke", "PT1H");
    assertThat(check("vm-revoke").path("allowed").asBoolean()).isTrue();

    LockboxRequests.decide(lockbox.http(), "engineer1", id, "revoke");

    assertThat(check("vm-revoke").path("allowed").asBoolean()).isFalse();
  }

  @Test
  void twoOverlappingRequestsOfOneEngineerNeverEndEachOthersAccess() {
    String first = granted("vm-overlap", "PT1H");
    String second = granted("vm-overlap", "PT1H");

    LockboxRequests.decide(lockbox.http(), "engineer1", first, "revoke");

    var check = check("vm-overlap");
    assertThat(check.path("allowed").asBoolean()).isTrue();
    assertThat(check.path("requestId").asString()).isEqualTo(second);
    LockboxRequests.decide(lockbox.http(), "engineer1", second, "revoke");
    assertThat(check("vm-overlap").path("allowed").asBoolean()).isFalse();
  }

  @Test
  void anOperatorsWorkflowCancelRevokesTheGrant() {
    String id = granted("vm-cancel", "PT1H");
    assertThat(check("vm-cancel").path("allowed").asBoolean()).isTrue();

    lockbox.bean(WorkflowClient.class).newUntypedWorkflowStub(LockboxNames.workflowId(id)).cancel();

    LockboxRequests.awaitStatus(lockbox.http(), id, "COMPLETED");
    assertThat(check("vm-cancel").path("allowed").asBoolean()).isFalse();
  }

  @Test
  void aCheckWithoutItsParametersIs400() {
    LockboxHttp.Response answer = lockbox.get("gateway", "/api/access/check?principal=engineer1");

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
  }

  private String granted(String resourceId, String duration) {
    String id =
        LockboxRequests.create(
            lockbox.http(), "engineer1", DEMO.formatted(resourceId, duration), "PENDING");
    LockboxRequests.decide(lockbox.http(), "contoso-owner", id, "approve");
    LockboxRequests.awaitStatus(lockbox.http(), id, "ACCESS_GRANTED");
    return id;
  }

  private JsonNode status(String id) {
    return lockbox.get("auditor", "/api/lockbox-requests/" + id).json();
  }

  private JsonNode check(String resourceId) {
    LockboxHttp.Response answer =
        lockbox.get("gateway", "/api/access/check?principal=engineer1&resourceId=" + resourceId);
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    return answer.json();
  }
}
