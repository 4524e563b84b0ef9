package dev.lockbox.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.lockbox.readmodel.AccessGrantRepository;
import dev.lockbox.workflows.LockboxNames;
import io.temporal.client.WorkflowClient;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * The access reconciler on the real server (a Temporal Schedule every 2 s here): a terminated
 * workflow runs no cleanup, and the reconciler revokes the grant it left; a granted request whose
 * grant vanished is reported. Both are counted in metrics.
 */
@Timeout(180)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReconcilerIT {

  private static final String DEMO =
      """
      {"supportTicketId":"SR-1001","tenantId":"contoso","subscriptionId":"contoso-prod",
       "resourceType":"VirtualMachine","resourceId":"%s","accessLevel":"RemoteDesktop",
       "justification":"Customer reports RDP failures; need to inspect event logs"}""";

  private RunningLockbox lockbox;

  @BeforeAll
  void start() {
    lockbox = new RunningLockbox("--lockbox.access.reconciler.interval=PT2S");
  }

  @AfterAll
  void stop() {
    lockbox.close();
  }

  @Test
  void aGrantLeftByATerminatedWorkflowIsRevokedByTheReconciler() {
    String id = granted("vm-terminated");
    assertThat(allowed("vm-terminated")).isTrue();

    lockbox
        .bean(WorkflowClient.class)
        .newUntypedWorkflowStub(LockboxNames.workflowId(id))
        .terminate("operator test: terminate skips cleanup");

    await("orphaned grant revoked")
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> !allowed("vm-terminated"));
    assertThat(metric("lockbox_reconciler_orphaned_grants_total")).isGreaterThanOrEqualTo(1.0);
  }

  @Test
  void aGrantedRequestWithoutALiveGrantIsReported() {
    String id = granted("vm-vanished");

    lockbox.bean(AccessGrantRepository.class).revoke(id); // behind the workflow's back

    await("missing grant reported")
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> metric("lockbox_reconciler_missing_grants_total") >= 1.0);
  }

  private String granted(String resourceId) {
    String id =
        LockboxRequests.create(lockbox.http(), "engineer1", DEMO.formatted(resourceId), "PENDING");
    LockboxRequests.decide(lockbox.http(), "contoso-owner", id, "approve");
    LockboxRequests.awaitStatus(lockbox.http(), id, "ACCESS_GRANTED");
    return id;
  }

  private boolean allowed(String resourceId) {
    return lockbox
        .get("gateway", "/api/access/check?principal=engineer1&resourceId=" + resourceId)
        .json()
        .path("allowed")
        .asBoolean();
  }

  private double metric(String name) {
    String body = lockbox.get("operator", "/actuator/prometheus").body();
    return body.lines()
        .filter(line -> line.startsWith(name + " ") || line.startsWith(name + "{"))
        .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
        .sum();
  }
}
