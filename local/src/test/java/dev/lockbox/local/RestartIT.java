package dev.lockbox.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

/**
 * Durability, on lockbox.jar's durable local mode in processes of their own: requests survive a
 * graceful stop, a kill -9 of Lockbox together with its dev server, a kill -9 of Lockbox alone and
 * a kill -9 of the dev server alone. Windows keep their original ends, an access window that ended
 * while everything was down is revoked right after the restart, exactly once.
 */
@Timeout(900)
class RestartIT {

  /** Long enough to outlive three restarts, short enough to see it end. */
  static final Duration APPROVAL_WINDOW = Duration.ofSeconds(150);

  /** Ends while Lockbox is stopped. */
  static final Duration ENDS_WHILE_DOWN = Duration.ofSeconds(30);

  /** Ends after the restarts, on the third or fourth Lockbox. */
  static final Duration ENDS_LATER = Duration.ofSeconds(90);

  private final Path folder = TestTemporal.folder("restart-" + System.nanoTime());
  private final Path data = folder.resolve("data");
  private final int httpPort = RunningLockbox.freePort();
  private final Map<String, String> settings = new LinkedHashMap<>();
  private LockboxProcess lockbox;
  private int starts;

  RestartIT() {
    settings.put("LOCKBOX_APPROVAL_WINDOW", APPROVAL_WINDOW.toString());
    settings.put("LOCKBOX_EMBEDDED_TEMPORAL_PORT", Integer.toString(RunningLockbox.freePort()));
    settings.put("LOCKBOX_EMBEDDED_UI_PORT", Integer.toString(RunningLockbox.freePort()));
    settings.put("LOCKBOX_LINKS_SIGNING_KEY", "restart-it-signing-key-of-at-least-32-characters");
    // The access windows below are seconds long, well under the shipped five-minute minimum.
    settings.put("LOCKBOX_MINIMUM_ACCESS_DURATION", "PT1S");
    ServerReport.record(
        "RestartIT",
        "lockbox.jar processes in the durable local mode, each starting its own temporal server"
            + " start-dev on one SQLite file in "
            + data);
  }

  @AfterEach
  void endWhatIsLeft() {
    if (lockbox != null) {
      LockboxProcess.readPid(data).flatMap(ProcessHandle::of).ifPresent(ProcessHandle::destroy);
      lockbox.close();
    }
  }

  @Test
  void requestsSurviveStopsAndKills_windowsKeepTheirEnds_andAMissedRevokeRunsOnceAfterRestart() {
    Requests requests = firstLockbox_createsRequests_andStopsGracefully();
    await("the short access window ends while Lockbox is down")
        .atMost(ENDS_WHILE_DOWN.plusMinutes(1))
        .until(() -> Instant.now().isAfter(requests.endsWhileDown().accessExpiresAt()));
    secondLockbox_findsEverything_revokesTheMissedWindow_decides_andIsKilledWithItsServer(requests);
    thirdLockbox_findsTheDecisions_andIsKilledAlone_itsServerFollows(requests);
    fourthLockbox_restartsAKilledServer_andTheOriginalWindowsEnd(requests);
  }

  private Requests firstLockbox_createsRequests_andStopsGracefully() {
    lockbox = start();
    LockboxHttp http = lockbox.http();
    Requests requests =
        new Requests(
            created(http, demo(null), "PENDING"),
            created(http, demo(null), "PENDING"),
            created(http, storageForASubscription(), "INTERNAL_REVIEW"),
            granted(http, ENDS_WHILE_DOWN),
            granted(http, ENDS_LATER));
    long server = lockbox.devServerPid();
    assertThat(snapshot(http, requests.endsWhileDown().id()).status()).isEqualTo("ACCESS_GRANTED");

    lockbox.stop();

    assertThat(LockboxProcess.alive(server)).as("the dev server stops with Lockbox").isFalse();
    return requests;
  }

  private void
      secondLockbox_findsEverything_revokesTheMissedWindow_decides_andIsKilledWithItsServer(
          Requests requests) {
    lockbox = start();
    LockboxHttp http = lockbox.http();
    assertUnchanged(http, requests.pending(), requests.expiring(), requests.reviewed());
    assertUnchanged(http, requests.endsLater());
    assertThat(gatewayCheck(http).path("requestId").asString())
        .as("the built-in access system's grant survived the restart")
        .isEqualTo(requests.endsLater().id());
    JsonNode revoked = awaitStatus(http, requests.endsWhileDown().id(), "COMPLETED");
    assertThat(Instant.parse(revoked.path("revokedAt").asString()))
        .as("revoked right after the restart, by the new Lockbox")
        .isAfter(lockbox.startedAt());
    assertRevokedOnce(http, requests.endsWhileDown().id());
    assertListedFromTheReadModel(http, requests);
    assertBannerSaysDurable(http);

    assertThat(decide(http, "contoso-owner", requests.pending().id(), "approve").text("status"))
        .isEqualTo("ACCESS_GRANTED");
    assertThat(
            decide(http, "support-lead", requests.reviewed().id(), "internal-approve")
                .text("status"))
        .isEqualTo("PENDING");

    long server = lockbox.devServerPid();
    lockbox.kill();
    ProcessHandle.of(server).ifPresent(ProcessHandle::destroyForcibly);
  }

  private void thirdLockbox_findsTheDecisions_andIsKilledAlone_itsServerFollows(Requests requests) {
    lockbox = start();
    LockboxHttp http = lockbox.http();
    assertThat(snapshot(http, requests.pending().id()).status()).isEqualTo("ACCESS_GRANTED");
    assertThat(snapshot(http, requests.reviewed().id()).status()).isEqualTo("PENDING");
    assertUnchanged(http, requests.expiring(), requests.endsLater());
    assertThat(decide(http, "contoso-owner", requests.reviewed().id(), "deny").text("status"))
        .isEqualTo("DENIED");

    long server = lockbox.devServerPid();
    lockbox.kill();

    await("the dev server ends after its Lockbox was killed with -9")
        .atMost(Duration.ofSeconds(30))
        .until(() -> !LockboxProcess.alive(server));
  }

  private void fourthLockbox_restartsAKilledServer_andTheOriginalWindowsEnd(Requests requests) {
    lockbox = start();
    LockboxHttp http = lockbox.http();
    long killed = lockbox.devServerPid();
    ProcessHandle.of(killed).orElseThrow().destroyForcibly();
    await("Lockbox starts its dev server again")
        .atMost(Duration.ofMinutes(1))
        .until(() -> LockboxProcess.readPid(data).filter(pid -> pid != killed).isPresent());
    String fresh = create(http, "engineer1", demo(null)).path("id").asString();
    awaitStatus(http, fresh, "PENDING");
    assertThat(decide(http, "contoso-owner", fresh, "approve").text("status"))
        .isEqualTo("ACCESS_GRANTED");

    assertEndedOnTime(http, requests.endsLater());
    assertExpiredOnTime(http, requests.expiring());
  }

  /** What a gateway hears for engineer1 on the demo VM (the resource of every granted request). */
  private static JsonNode gatewayCheck(LockboxHttp http) {
    return http.get("gateway", "/api/access/check?principal=engineer1&resourceId=vm-web-01").json();
  }

  /** The access window ended at the accessExpiresAt set at the grant, with one revoke. */
  private void assertEndedOnTime(LockboxHttp http, Snapshot granted) {
    JsonNode done = awaitStatus(http, granted.id(), "COMPLETED");
    assertThat(Instant.parse(done.path("revokedAt").asString()))
        .isAfterOrEqualTo(granted.accessExpiresAt());
    assertRevokedOnce(http, granted.id());
    assertThat(timers(http, granted.id(), "access window")).as("access window timers").isEqualTo(1);
  }

  /** The approval window ended at the expiresAt set at creation: one timer, never restarted. */
  private void assertExpiredOnTime(LockboxHttp http, Snapshot pending) {
    JsonNode expired = awaitStatus(http, pending.id(), "EXPIRED");
    assertThat(Instant.parse(expired.path("decision").path("at").asString()))
        .isAfterOrEqualTo(pending.expiresAt());
    assertThat(timers(http, pending.id(), "approval window")).as("approval timers").isEqualTo(1);
  }

  private LockboxProcess start() {
    starts++;
    return LockboxProcess.start(
        data, httpPort, folder.resolve("lockbox-" + starts + ".log"), settings);
  }

  private void assertUnchanged(LockboxHttp http, Snapshot... before) {
    for (Snapshot request : before) {
      assertThat(snapshot(http, request.id())).as(request.id()).isEqualTo(request);
    }
  }

  private static void assertRevokedOnce(LockboxHttp http, String id) {
    JsonNode trail = http.get("auditor", "/api/lockbox-requests/" + id + "/audit").json();
    long revokes =
        trail
            .valueStream()
            .filter(e -> e.path("action").asString().equals("Revoke access"))
            .count();
    assertThat(revokes).as("Revoke access events of " + id).isEqualTo(1);
    assertThat(
            events(http, id, "activityTaskScheduledEventAttributes").stream()
                .filter(a -> a.path("activityType").path("name").asString().equals("RevokeAccess"))
                .count())
        .as("RevokeAccess activities of " + id)
        .isEqualTo(1);
  }

  /** Timers of this length in the request's history. */
  /**
   * Timers started with this summary in the request's history. A timer started again after a
   * restart (a new window instead of the original one) would be a second one.
   */
  private static long timers(LockboxHttp http, String id, String summary) {
    return historyEvents(http, id).stream()
        .filter(e -> e.has("timerStartedEventAttributes"))
        .filter(e -> decoded(e.path("userMetadata").path("summary")).contains(summary))
        .count();
  }

  /** A payload's data as text (the history's JSON carries it in base64). */
  private static String decoded(JsonNode payload) {
    String data = payload.path("data").asString("");
    return new String(Base64.getDecoder().decode(data), StandardCharsets.UTF_8);
  }

  private static List<JsonNode> events(LockboxHttp http, String id, String attributes) {
    return historyEvents(http, id).stream()
        .filter(e -> e.has(attributes))
        .map(e -> e.path(attributes))
        .toList();
  }

  private static List<JsonNode> historyEvents(LockboxHttp http, String id) {
    JsonNode history = http.get("auditor", "/api/lockbox-requests/" + id + "/history").json();
    return history.path("events").valueStream().toList();
  }

  private static void assertListedFromTheReadModel(LockboxHttp http, Requests requests) {
    JsonNode items = http.get("auditor", "/api/lockbox-requests?size=100").json().path("items");
    Map<String, String> listed = new LinkedHashMap<>();
    items
        .valueStream()
        .forEach(i -> listed.put(i.path("id").asString(), i.path("status").asString()));
    assertThat(listed)
        .containsEntry(requests.pending().id(), "PENDING")
        .containsEntry(requests.reviewed().id(), "INTERNAL_REVIEW")
        .containsEntry(requests.endsLater().id(), "ACCESS_GRANTED");
  }

  private void assertBannerSaysDurable(LockboxHttp http) {
    String login = http.get(null, "/login").body();
    assertThat(login)
        .contains("id=\"durable-notice\"", data.toString())
        .contains(
            "http://127.0.0.1:"
                + settings.get("LOCKBOX_EMBEDDED_UI_PORT")
                + "/namespaces/default/workflows")
        .doesNotContain("in-memory-notice");
  }

  /** Created by engineer1; the API answers at most 5 s after the start, so wait for the status. */
  private static Snapshot created(LockboxHttp http, String body, String status) {
    String id = create(http, "engineer1", body).path("id").asString();
    return Snapshot.of(awaitStatus(http, id, status), status);
  }

  private static Snapshot granted(LockboxHttp http, Duration duration) {
    String id = created(http, demo(duration), "PENDING").id();
    decide(http, "contoso-owner", id, "approve");
    return Snapshot.of(awaitStatus(http, id, "ACCESS_GRANTED"), "ACCESS_GRANTED");
  }

  private static JsonNode create(LockboxHttp http, String user, String body) {
    LockboxHttp.Response created = http.postJson(user, "/api/lockbox-requests", body);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.json();
  }

  private static LockboxHttp.Response decide(
      LockboxHttp http, String user, String id, String decision) {
    LockboxHttp.Response answer =
        http.postJson(user, "/api/lockbox-requests/" + id + "/" + decision, "{}");
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    return answer;
  }

  private static JsonNode awaitStatus(LockboxHttp http, String id, String status) {
    return await(id + " " + status)
        .atMost(APPROVAL_WINDOW.plusMinutes(2))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () -> http.get("auditor", "/api/lockbox-requests/" + id).json(),
            state -> state.path("status").asString().equals(status));
  }

  private static Snapshot snapshot(LockboxHttp http, String id) {
    return Snapshot.of(http.get("auditor", "/api/lockbox-requests/" + id).json(), null);
  }

  private static String demo(Duration duration) {
    String body = LockboxApiIT.DEMO.strip();
    return duration == null
        ? body
        : body.substring(0, body.length() - 1) + ",\"requestedDuration\":\"" + duration + "\"}";
  }

  private static String storageForASubscription() {
    return """
        {"supportTicketId":"SR-3001","tenantId":"contoso","subscriptionId":"contoso-prod",
         "resourceType":"StorageAccount","resourceId":"st-logs","accessLevel":"DataRead",
         "resourceScope":"SUBSCRIPTION","justification":"Audit log export fails for the customer"}""";
  }

  /** The requests the first Lockbox leaves behind. */
  record Requests(
      Snapshot pending,
      Snapshot expiring,
      Snapshot reviewed,
      Snapshot endsWhileDown,
      Snapshot endsLater) {}

  /** What must not change across restarts: status and the ends of the windows. */
  record Snapshot(
      String id,
      String status,
      Instant expiresAt,
      Instant internalExpiresAt,
      Instant accessExpiresAt) {

    /** The request's snapshot; with {@code expected}, first checks its status. */
    static Snapshot of(JsonNode state, String expected) {
      if (expected != null) {
        assertThat(state.path("status").asString()).as(state.toString()).isEqualTo(expected);
      }
      return new Snapshot(
          state.path("id").asString(),
          state.path("status").asString(),
          instant(state, "expiresAt"),
          instant(state, "internalExpiresAt"),
          instant(state, "accessExpiresAt"));
    }

    private static Instant instant(JsonNode state, String field) {
      JsonNode value = state.path(field);
      return value.isMissingNode() || value.isNull() ? null : Instant.parse(value.asString());
    }
  }
}
