package dev.lockbox.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.lockbox.api.ApiApplication;
import dev.lockbox.local.webhook.WebhookReceiver;
import dev.lockbox.workflows.LockboxNames;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.api.workflow.v1.PendingActivityInfo;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.client.WorkflowClient;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.h2.tools.Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Scale-out and worker failover on the real server: the api and two worker processes (the worker
 * deployable) share one Temporal namespace and one read model database; a worker is killed with -9
 * while a grant is in flight, during the access window, and while a revoke is retrying. The
 * surviving worker carries each request to its end, and the access system's own ledger (the
 * reference webhook receiver, outside every worker) shows exactly one grant and one revoke.
 *
 * <p>A dead worker's cached workflows are reached again because the real server moves a task from
 * the dead worker's sticky queue to the normal queue after the sticky schedule-to-start timeout
 * (the SDK's default, 5 s), and a grant or revoke in flight on it is retried elsewhere after its
 * heartbeat timeout (5 s).
 */
@Timeout(900)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorkerFailoverIT {

  private static final String SECRET = "failover-it-secret";
  private static final Duration TO_THE_END = Duration.ofSeconds(120);
  private static final String DEMO =
      """
      {"supportTicketId":"SR-1001","tenantId":"contoso","subscriptionId":"contoso-prod",
       "resourceType":"VirtualMachine","resourceId":"vm-web-01","accessLevel":"RemoteDesktop",
       "justification":"Customer reports RDP failures; need to inspect event logs",
       "requestedDuration":"%s"}""";

  private final List<WorkerProcess> workers = new ArrayList<>();
  private Server database;
  private WebhookReceiver receiver;
  private ConfigurableApplicationContext api;
  private LockboxHttp http;
  private String namespace;
  private Map<String, String> workerSettings;

  @BeforeAll
  void start() throws SQLException {
    int dbPort = RunningLockbox.freePort();
    database = Server.createTcpServer("-tcpPort", Integer.toString(dbPort), "-ifNotExists").start();
    String dbUrl = "jdbc:h2:tcp://localhost:" + dbPort + "/mem:failover;DB_CLOSE_DELAY=-1";
    receiver = WebhookReceiver.start(0, SECRET, null);
    namespace = TestTemporal.newNamespace("workerfailoverit");
    String address = TestTemporal.shared().address();
    api =
        new SpringApplicationBuilder(ApiApplication.class)
            .run(
                "--lockbox.temporal.address=" + address,
                "--lockbox.temporal.namespace=" + namespace,
                "--spring.datasource.url=" + dbUrl,
                "--server.port=0",
                "--lockbox.minimum-access-duration=PT1S");
    http =
        new LockboxHttp(
            "http://localhost:" + ((WebServerApplicationContext) api).getWebServer().getPort());
    workerSettings =
        Map.of(
            "TEMPORAL_ADDRESS", address,
            "TEMPORAL_NAMESPACE", namespace,
            "SPRING_DATASOURCE_URL", dbUrl,
            "LOCKBOX_ACCESS_PROVISIONER", "webhook",
            "LOCKBOX_ACCESS_WEBHOOK_URL", "http://127.0.0.1:" + receiver.port() + "/access",
            "LOCKBOX_ACCESS_WEBHOOK_SECRET", SECRET);
  }

  @BeforeEach
  void twoLiveWorkers() {
    workers.removeIf(worker -> !worker.alive());
    while (workers.size() < 2) {
      Path log =
          TestTemporal.folder("workerfailoverit")
              .resolve("worker-" + workers.size() + "-" + System.nanoTime() + ".log");
      workers.add(WorkerProcess.start(log, workerSettings));
    }
    receiver.setDelay(Duration.ZERO);
    receiver.setDown(false);
  }

  @AfterAll
  void stop() {
    workers.forEach(WorkerProcess::close);
    if (api != null) {
      api.close();
    }
    if (receiver != null) {
      receiver.close();
    }
    if (database != null) {
      database.stop();
    }
  }

  @Test
  void aWorkerKilledWhileAGrantIsInFlight_theOtherGrantsOnceAndRevokesOnce() {
    receiver.setDelay(Duration.ofSeconds(20)); // the access system is slow: the grant stays open
    String id = approved("PT10S");
    String identity = runningActivity(id, "GrantAccess");

    killWorker(identity);
    receiver.setDelay(Duration.ZERO);

    carriedToTheEndOnce(id, identity);
  }

  @Test
  void aWorkerKilledDuringTheAccessWindow_theOtherRevokesOnTime() {
    String id = approved("PT20S");
    LockboxRequests.awaitStatus(http, id, "ACCESS_GRANTED");

    String identity = lastWorkflowTaskWorker(id); // the worker that holds it in its cache
    killWorker(identity);

    carriedToTheEndOnce(id, identity);
  }

  @Test
  void aWorkerKilledWhileARevokeIsRetrying_theOtherRevokesOnceTheAccessSystemIsBack() {
    String id = approved("PT3S");
    LockboxRequests.awaitStatus(http, id, "ACCESS_GRANTED");
    receiver.setDown(true);
    String identity = retryingActivity(id, "RevokeAccess");

    killWorker(identity);
    receiver.setDown(false);

    carriedToTheEndOnce(id, identity);
  }

  private String approved(String duration) {
    String id = LockboxRequests.create(http, "engineer1", DEMO.formatted(duration), "PENDING");
    LockboxRequests.decide(http, "contoso-owner", id, "approve");
    return id;
  }

  private void carriedToTheEndOnce(String id, String killed) {
    await(id + " COMPLETED")
        .atMost(TO_THE_END)
        .pollInterval(Duration.ofMillis(500))
        .until(
            () -> http.get("auditor", "/api/lockbox-requests/" + id).text("status"),
            "COMPLETED"::equals);
    assertThat(receiver.effects("grant", id)).as("grants at the access system").isEqualTo(1);
    assertThat(receiver.effects("revoke", id)).as("revokes at the access system").isEqualTo(1);
    assertThat(receiver.live(id)).isFalse();
    assertThat(lastWorkflowTaskWorker(id)).as("the worker that ended it").isNotEqualTo(killed);
  }

  private void killWorker(String identity) {
    long pid = Long.parseLong(identity.substring(0, identity.indexOf('@')));
    WorkerProcess worker =
        workers.stream()
            .filter(w -> w.pid() == pid)
            .findFirst()
            .orElseThrow(() -> new AssertionError("no worker of ours is " + identity));
    worker.kill();
    assertThat(workers.stream().filter(WorkerProcess::alive)).hasSize(1);
  }

  /** The worker identity ({@code pid@host}) running this activity's current attempt. */
  private String runningActivity(String id, String type) {
    return await(type + " of " + id + " running")
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> pending(id, type).map(PendingActivityInfo::getLastWorkerIdentity).orElse(""),
            identity -> !identity.isEmpty());
  }

  /** The worker identity of this activity's last attempt, once it has failed at least once. */
  private String retryingActivity(String id, String type) {
    return await(type + " of " + id + " retrying")
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () ->
                pending(id, type)
                    .filter(a -> a.getAttempt() >= 2 && !a.getLastWorkerIdentity().isEmpty())
                    .map(PendingActivityInfo::getLastWorkerIdentity)
                    .orElse(""),
            identity -> !identity.isEmpty());
  }

  private Optional<PendingActivityInfo> pending(String id, String type) {
    WorkflowClient client = api.getBean(WorkflowClient.class);
    return client
        .getWorkflowServiceStubs()
        .blockingStub()
        .describeWorkflowExecution(
            DescribeWorkflowExecutionRequest.newBuilder()
                .setNamespace(namespace)
                .setExecution(
                    WorkflowExecution.newBuilder().setWorkflowId(LockboxNames.workflowId(id)))
                .build())
        .getPendingActivitiesList()
        .stream()
        .filter(a -> a.getActivityType().getName().equals(type))
        .findFirst();
  }

  private String lastWorkflowTaskWorker(String id) {
    WorkflowClient client = api.getBean(WorkflowClient.class);
    List<HistoryEvent> events = client.fetchHistory(LockboxNames.workflowId(id)).getEvents();
    String identity = null;
    for (HistoryEvent event : events) {
      if (event.getEventType() == EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED) {
        identity = event.getWorkflowTaskCompletedEventAttributes().getIdentity();
      }
    }
    assertThat(identity).as("a completed workflow task of " + id).isNotNull();
    return identity;
  }
}
