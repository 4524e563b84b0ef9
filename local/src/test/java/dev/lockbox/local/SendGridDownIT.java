package dev.lockbox.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.lockbox.workflows.LockboxNames;
import dev.lockbox.workflows.activities.NotificationActivities;
import dev.lockbox.workflows.model.LockboxState;
import io.temporal.client.WorkflowClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

/**
 * SendGrid down (every call answered 503) while a request goes its whole way: the request is
 * created, approved, granted and revoked early (at once, while the engineer's email is still being
 * retried) as if mail worked; each email is tried exactly {@link
 * NotificationActivities#MAX_ATTEMPTS} times through the real SendGrid client, then given up on,
 * which shows in the request's state (its notifications) and in {@code
 * lockbox_emails_failed_total}.
 */
@Timeout(180)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SendGridDownIT {

  private static final String AN_HOUR =
      """
      {"supportTicketId":"SR-1001","tenantId":"contoso","subscriptionId":"contoso-prod",
       "resourceType":"VirtualMachine","resourceId":"vm-web-01","accessLevel":"RemoteDesktop",
       "justification":"Customer reports RDP failures; need to inspect event logs",
       "requestedDuration":"PT1H"}""";

  private final MockWebServer sendGrid = new MockWebServer();
  private final List<JsonNode> attempts = new CopyOnWriteArrayList<>();
  private RunningLockbox lockbox;

  @BeforeAll
  void start() throws Exception {
    sendGrid.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            attempts.add(RunningLockbox.JSON.readTree(request.getBody().readUtf8()));
            return new MockResponse().setResponseCode(503);
          }
        });
    sendGrid.start();
    lockbox = RunningLockbox.emailingThrough(sendGrid);
  }

  @AfterAll
  void stop() throws Exception {
    lockbox.close();
    sendGrid.shutdown();
  }

  @Test
  void theLifecycleRunsWhileEveryEmailFails_eachTriedABoundedNumberOfTimes_andTheFailureShows()
      throws Exception {
    double failedBefore = emailsFailed();
    String id = LockboxRequests.create(lockbox.http(), "engineer1", AN_HOUR, "PENDING");
    LockboxRequests.decide(lockbox.http(), "contoso-owner", id, "approve");
    LockboxRequests.awaitStatus(lockbox.http(), id, "ACCESS_GRANTED");
    assertThat(allowed()).isTrue();

    LockboxHttp.Response revoked =
        LockboxRequests.decide(lockbox.http(), "engineer1", id, "revoke");
    assertThat(revoked.text("status"))
        .as("revoked while the approved email is retried")
        .isEqualTo("COMPLETED");
    assertThat(allowed()).isFalse();

    lockbox
        .bean(WorkflowClient.class)
        .newUntypedWorkflowStub(LockboxNames.workflowId(id))
        .getResult(90, TimeUnit.SECONDS, LockboxState.class); // every email given up on
    List<JsonNode> notices = notifications(id);
    assertThat(notices)
        .extracting(n -> n.path("kind").asString())
        .containsExactlyInAnyOrder("APPROVAL_REQUESTED", "APPROVED", "REVOKED");
    assertThat(notices).noneMatch(n -> n.path("delivered").asBoolean());
    assertThat(notices).allSatisfy(n -> assertThat(n.path("error").asString()).contains("503"));
    for (JsonNode notice : notices) {
      assertThat(attemptsAt(id, notice.path("kind").asString()))
          .as(notice.path("kind").asString() + " emails sent to SendGrid")
          .isEqualTo(NotificationActivities.MAX_ATTEMPTS * notice.path("recipients").size());
    }
    await("the metric counts every email given up on")
        .atMost(Duration.ofSeconds(5))
        .until(() -> emailsFailed() - failedBefore, failed -> failed == notices.size());
  }

  private boolean allowed() {
    return lockbox
        .get("gateway", "/api/access/check?principal=engineer1&resourceId=vm-web-01")
        .json()
        .path("allowed")
        .asBoolean();
  }

  private List<JsonNode> notifications(String id) {
    return lockbox
        .get("auditor", "/api/lockbox-requests/" + id)
        .json()
        .path("notifications")
        .valueStream()
        .toList();
  }

  private long attemptsAt(String id, String kind) {
    return attempts.stream()
        .filter(mail -> id.equals(mail.at("/custom_args/lockbox_request_id").asString()))
        .filter(mail -> kind.equals(mail.at("/custom_args/lockbox_notice").asString()))
        .count();
  }

  private double emailsFailed() {
    return lockbox
        .get("operator", "/actuator/prometheus")
        .body()
        .lines()
        .filter(line -> line.startsWith("lockbox_emails_failed_total"))
        .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
        .sum();
  }
}
