package dev.lockbox.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.lockbox.local.webhook.WebhookReceiver;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * Lockbox configured with the signed webhook adapter, talking to the reference receiver over real
 * HTTP: the receiver, which checks every signature, sees exactly one grant and one revoke per
 * request, the grant with its own expiry.
 */
@Timeout(180)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebhookAccessIT {

  private static final String SECRET = "webhook-it-secret";
  private static final String DEMO =
      """
      {"supportTicketId":"SR-1001","tenantId":"contoso","subscriptionId":"contoso-prod",
       "resourceType":"VirtualMachine","resourceId":"vm-web-01","accessLevel":"RemoteDesktop",
       "justification":"Customer reports RDP failures; need to inspect event logs",
       "requestedDuration":"%s"}""";

  private WebhookReceiver receiver;
  private RunningLockbox lockbox;

  @BeforeAll
  void start() {
    receiver = WebhookReceiver.start(0, SECRET, null);
    lockbox =
        new RunningLockbox(
            "--lockbox.minimum-access-duration=PT1S",
            "--lockbox.access.provisioner=webhook",
            "--lockbox.access.webhook.url=http://127.0.0.1:" + receiver.port() + "/access",
            "--lockbox.access.webhook.secret=" + SECRET);
  }

  @AfterAll
  void stop() {
    lockbox.close();
    receiver.close();
  }

  @Test
  void anEarlyRevokedRequestIsGrantedOnceAndRevokedOnceAtTheAccessSystem() {
    String id = granted("PT1H");
    await().atMost(Duration.ofSeconds(10)).until(() -> receiver.effects("grant", id) == 1);
    assertThat(receiver.live(id)).isTrue();
    String expiresAt =
        lockbox.get("auditor", "/api/lockbox-requests/" + id).text("accessExpiresAt");
    assertThat(receiver.effects())
        .anyMatch(line -> line.contains(id) && line.contains("\"expiresAt\":\"" + expiresAt));

    LockboxRequests.decide(lockbox.http(), "engineer1", id, "revoke");

    assertThat(receiver.effects("revoke", id)).isEqualTo(1);
    assertThat(receiver.effects("grant", id)).isEqualTo(1);
    assertThat(receiver.live(id)).isFalse();
  }

  @Test
  void anApprovedExtensionMovesTheEndAtTheAccessSystemOnce() {
    String id = granted("PT1H");
    lockbox.postJson(
        "engineer1",
        "/api/lockbox-requests/" + id + "/extensions",
        "{\"duration\":\"PT1H\",\"reason\":\"the export is still running\"}");

    LockboxHttp.Response approved =
        lockbox.postJson(
            "contoso-owner", "/api/lockbox-requests/" + id + "/extensions/e1/approve", "{}");

    assertThat(approved.status()).as(approved.body()).isEqualTo(200);
    String newEnd = approved.text("accessExpiresAt");
    assertThat(receiver.effects("extend", id)).isEqualTo(1);
    assertThat(receiver.effects())
        .anyMatch(
            line ->
                line.contains("\"type\":\"extend\"")
                    && line.contains("\"extensionId\":\"e1\"")
                    && line.contains("\"expiresAt\":\"" + newEnd));
    assertThat(receiver.live(id)).isTrue();
  }

  @Test
  void aRequestWhoseWindowEndsIsRevokedOnceAtTheAccessSystem() {
    String id = granted("PT2S");

    LockboxRequests.awaitStatus(lockbox.http(), id, "COMPLETED");

    assertThat(receiver.effects("grant", id)).isEqualTo(1);
    assertThat(receiver.effects("revoke", id)).isEqualTo(1);
  }

  @Test
  void aGrantWaitsInApprovedWhileTheAccessSystemIsDown_andIsAppliedOnceWhenItIsBack() {
    String id =
        LockboxRequests.create(lockbox.http(), "engineer1", DEMO.formatted("PT1H"), "PENDING");
    receiver.setDown(true);
    int refusedBefore = receiver.refused();
    double failedBefore = failedCalls("grant");

    LockboxRequests.decide(lockbox.http(), "contoso-owner", id, "approve");

    await().atMost(Duration.ofSeconds(30)).until(() -> receiver.refused() >= refusedBefore + 2);
    assertThat(lockbox.get("auditor", "/api/lockbox-requests/" + id).text("status"))
        .isEqualTo("APPROVED");
    await("the read model lists it as approved")
        .atMost(Duration.ofSeconds(10))
        .until(() -> listed("APPROVED").contains(id));
    assertThat(failedCalls("grant")).as("the failed-grants metric").isGreaterThan(failedBefore);
    assertThat(receiver.effects("grant", id)).isZero();
    receiver.setDown(false);

    LockboxRequests.awaitStatus(lockbox.http(), id, "ACCESS_GRANTED");
    assertThat(receiver.effects("grant", id)).isEqualTo(1);
    LockboxRequests.decide(lockbox.http(), "engineer1", id, "revoke");
    assertThat(receiver.effects("grant", id)).isEqualTo(1);
    assertThat(receiver.effects("revoke", id)).isEqualTo(1);
  }

  @Test
  void aRevokeKeepsRetryingWhileTheAccessSystemIsDown_andIsAppliedOnceWhenItIsBack() {
    String id = granted("PT2S");
    receiver.setDown(true);
    int refusedBefore = receiver.refused();
    double failedBefore = failedCalls("revoke");

    await().atMost(Duration.ofSeconds(30)).until(() -> receiver.refused() >= refusedBefore + 2);
    assertThat(lockbox.get("auditor", "/api/lockbox-requests/" + id).text("status"))
        .isEqualTo("ACCESS_GRANTED");
    assertThat(failedCalls("revoke")).as("the alert metric").isGreaterThan(failedBefore);
    String expiresAt =
        lockbox.get("auditor", "/api/lockbox-requests/" + id).text("accessExpiresAt");
    assertThat(receiver.effects())
        .as("the grant carried its own expiry, so access ends there even while revoke fails")
        .anyMatch(line -> line.contains(id) && line.contains("\"expiresAt\":\"" + expiresAt));
    receiver.setDown(false);

    LockboxRequests.awaitStatus(lockbox.http(), id, "COMPLETED");
    assertThat(receiver.effects("revoke", id)).isEqualTo(1);
    assertThat(receiver.effects("grant", id)).isEqualTo(1);
  }

  private List<String> listed(String status) {
    return lockbox
        .get("auditor", "/api/lockbox-requests?status=" + status + "&size=100")
        .json()
        .path("items")
        .valueStream()
        .map(item -> item.path("id").asString())
        .toList();
  }

  private double failedCalls(String call) {
    return lockbox
        .get("operator", "/actuator/prometheus")
        .body()
        .lines()
        .filter(line -> line.startsWith("lockbox_access_calls_failed_total{call=\"" + call + "\""))
        .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
        .sum();
  }

  private String granted(String duration) {
    String id =
        LockboxRequests.create(lockbox.http(), "engineer1", DEMO.formatted(duration), "PENDING");
    LockboxRequests.decide(lockbox.http(), "contoso-owner", id, "approve");
    LockboxRequests.awaitStatus(lockbox.http(), id, "ACCESS_GRANTED");
    return id;
  }
}
