package dev.lockbox.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

/**
 * Questions and extensions over real HTTP on the real Temporal server: an approver asks, the
 * engineer answers; the engineer asks for more time, an approver approves, and the access (the
 * access check a gateway asks, and the revoke) follows the new end.
 */
@Timeout(180)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExtensionsAndQuestionsIT {

  private static final String FOR_20_SECONDS =
      LockboxApiIT.DEMO.replace(
          "\"resourceId\":\"vm-web-01\"",
          "\"resourceId\":\"vm-extend-01\",\"requestedDuration\":\"PT20S\"");

  private RunningLockbox lockbox;

  @BeforeAll
  void start() {
    // Seconds-long access windows, so an extension can be watched to the new end.
    lockbox =
        new RunningLockbox(
            "--lockbox.minimum-access-duration=PT1S", "--lockbox.temporal.call-deadline=PT15S");
  }

  @AfterAll
  void stop() {
    lockbox.close();
  }

  @Test
  void anApproverAsksTheEngineerAnswersAndBothAreInTheRequestAndTheAuditTrail() {
    String id = LockboxRequests.create(lockbox.http(), "engineer1", LockboxApiIT.DEMO, "PENDING");

    LockboxHttp.Response asked =
        post("contoso-owner", id, "/questions", "{\"text\":\"Which event log, which hours?\"}");

    assertThat(asked.status()).as(asked.body()).isEqualTo(201);
    assertThat(asked.header("Location")).endsWith("/api/lockbox-requests/" + id + "#questions/q1");
    assertThat(asked.json().path("questions").path(0).path("id").asText()).isEqualTo("q1");
    assertThat(asked.text("status")).isEqualTo("PENDING");

    LockboxHttp.Response answered =
        post("engineer1", id, "/questions/q1/answer", "{\"text\":\"System log, last 24 hours\"}");

    assertThat(answered.status()).as(answered.body()).isEqualTo(200);
    JsonNode question = answered.json().path("questions").path(0);
    assertThat(question.path("askedBy").asText()).isEqualTo("contoso-owner");
    assertThat(question.path("answer").asText()).isEqualTo("System log, last 24 hours");
    assertThat(actions(id)).contains("Ask question", "Answer question");
  }

  @Test
  void anApprovedExtensionKeepsAccessOpenPastTheOldEndAndTheRevokeComesAtTheNewOne() {
    String id = granted(FOR_20_SECONDS);
    Instant oldEnd = Instant.parse(get(id).path("accessExpiresAt").asText());

    LockboxHttp.Response asked =
        post(
            "engineer1",
            id,
            "/extensions",
            "{\"duration\":\"PT30S\",\"reason\":\"export still running\"}");

    assertThat(asked.status()).as(asked.body()).isEqualTo(201);
    assertThat(asked.header("Location")).endsWith("#extensions/e1");
    assertThat(asked.json().path("extensions").path(0).path("status").asText())
        .isEqualTo("PENDING");

    LockboxHttp.Response approved =
        post("contoso-owner", id, "/extensions/e1/approve", "{\"comment\":\"ok\"}");

    assertThat(approved.status()).as(approved.body()).isEqualTo(200);
    Instant newEnd = Instant.parse(approved.text("accessExpiresAt"));
    assertThat(newEnd).isEqualTo(oldEnd.plusSeconds(30));
    assertThat(approved.json().path("extensions").path(0).path("status").asText())
        .isEqualTo("APPROVED");
    await("the old end passes")
        .atMost(Duration.ofSeconds(40))
        .until(() -> Instant.now().isAfter(oldEnd.plusSeconds(3)));
    assertThat(check().path("allowed").asBoolean()).as("access after the old end").isTrue();
    assertThat(get(id).path("status").asText()).isEqualTo("ACCESS_GRANTED");
    await("access ends at the new end")
        .atMost(Duration.ofSeconds(90))
        .until(() -> get(id).path("status").asText(), "COMPLETED"::equals);
    assertThat(Instant.parse(get(id).path("revokedAt").asText())).isAfterOrEqualTo(newEnd);
    assertThat(check().path("allowed").asBoolean()).isFalse();
    assertThat(actions(id)).contains("Request extension", "Approve extension", "Extend access");
  }

  @Test
  void aDeniedExtensionLeavesTheEnd() {
    String id = granted(LockboxApiIT.DEMO.replace("vm-web-01", "vm-deny-ext"));
    String end = get(id).path("accessExpiresAt").asText();
    assertThat(get(id).path("jit").path("maxTotalExtension").asText()).isEqualTo("PT24H");
    post("engineer1", id, "/extensions", "{\"duration\":\"PT2H\",\"reason\":\"one more dump\"}");

    LockboxHttp.Response denied = post("contoso-owner", id, "/extensions/e1/deny", "{}");

    assertThat(denied.status()).as(denied.body()).isEqualTo(200);
    assertThat(denied.json().path("extensions").path(0).path("status").asText())
        .isEqualTo("DENIED");
    assertThat(denied.text("accessExpiresAt")).isEqualTo(end);
  }

  @Test
  void badQuestionsAndExtensionsGetProblemsAndChangeNothing() {
    String pending =
        LockboxRequests.create(lockbox.http(), "engineer1", LockboxApiIT.DEMO, "PENDING");
    String granted = granted(LockboxApiIT.DEMO.replace("vm-web-01", "vm-bad-ext"));

    assertProblem(post("engineer1", pending, "/questions", "{\"text\":\"my own?\"}"), 403);
    assertProblem(post("contoso-owner", pending, "/questions", "{\"text\":\"\"}"), 400);
    assertProblem(post("engineer1", pending, "/questions/q9/answer", "{\"text\":\"x\"}"), 404);
    assertProblem(
        post(
            "engineer1",
            granted,
            "/extensions",
            "{\"duration\":\"two hours\",\"reason\":\"longer job\"}"),
        400);
    assertProblem(
        post(
            "engineer1",
            granted,
            "/extensions",
            "{\"duration\":\"PT25H\",\"reason\":\"a day and more\"}"),
        400);
    assertProblem(
        post(
            "contoso-owner",
            granted,
            "/extensions",
            "{\"duration\":\"PT1H\",\"reason\":\"for the owner themselves\"}"),
        403);
    assertProblem(
        post(
            "engineer1",
            pending,
            "/extensions",
            "{\"duration\":\"PT1H\",\"reason\":\"not granted\"}"),
        409);
    assertProblem(post("contoso-owner", granted, "/extensions/e7/approve", "{}"), 404);
    LockboxHttp.Response notJson =
        lockbox
            .http()
            .send(
                "engineer1",
                java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(
                            lockbox.http().baseUrl()
                                + "/api/lockbox-requests/"
                                + granted
                                + "/extensions"))
                    .header("Content-Type", "text/plain")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("PT1H")));
    assertThat(notJson.status()).as(notJson.body()).isEqualTo(415);

    assertThat(get(pending).path("questions").isEmpty()).isTrue();
    assertThat(get(granted).path("extensions").isEmpty()).isTrue();
  }

  private String granted(String body) {
    String id = LockboxRequests.create(lockbox.http(), "engineer1", body, "PENDING");
    LockboxHttp.Response approved =
        lockbox.postJson("contoso-owner", "/api/lockbox-requests/" + id + "/approve", "{}");
    assertThat(approved.text("status")).as(approved.body()).isEqualTo("ACCESS_GRANTED");
    return id;
  }

  private void assertProblem(LockboxHttp.Response response, int status) {
    assertThat(response.status()).as(response.body()).isEqualTo(status);
    assertThat(response.header("Content-Type")).startsWith("application/problem+json");
  }

  private LockboxHttp.Response post(String user, String id, String path, String body) {
    return lockbox.postJson(user, "/api/lockbox-requests/" + id + path, body);
  }

  private JsonNode get(String id) {
    return lockbox.get("auditor", "/api/lockbox-requests/" + id).json();
  }

  private JsonNode check() {
    return lockbox
        .get("gateway", "/api/access/check?principal=engineer1&resourceId=vm-extend-01")
        .json();
  }

  private List<String> actions(String id) {
    JsonNode trail = lockbox.get("auditor", "/api/lockbox-requests/" + id + "/audit").json();
    return StreamSupport.stream(trail.spliterator(), false)
        .map(e -> e.path("action").asText())
        .toList();
  }
}
