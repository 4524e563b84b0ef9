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
 * Approval levels, quorum and narrowing over real HTTP, with the demo tenant {@code northwind} (two
 * approvals at one level: {@code northwind-owner} and {@code northwind-security}).
 */
@Timeout(180)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApprovalLevelsIT {

  static final String NORTHWIND =
      """
      {"supportTicketId":"SR-7001","tenantId":"northwind","subscriptionId":"northwind-prod",
       "resourceType":"VirtualMachine","resourceId":"vm-orders-01","accessLevel":"RemoteDesktop",
       "justification":"Order service VM loses its disk after reboot"}""";

  private RunningLockbox lockbox;

  @BeforeAll
  void start() {
    // Seconds-long access windows, so narrowing can be watched to its end. Deadlines are not
    // what this test is about: on a loaded machine a create may need longer than the 3 s default.
    lockbox =
        new RunningLockbox(
            "--lockbox.minimum-access-duration=PT1S", "--lockbox.temporal.call-deadline=PT15S");
  }

  @AfterAll
  void stop() {
    lockbox.close();
  }

  @Test
  void givenNorthwind_oneApprovalLeavesItPendingAndTheSecondApproverGrantsTheNarrowedAccess() {
    String id = LockboxRequests.create(lockbox.http(), "engineer1", NORTHWIND, "PENDING");
    JsonNode pending = get(id).path("approval");
    assertThat(pending.path("approvalsNeeded").asInt()).isEqualTo(2);
    assertThat(pending.path("approvalsSoFar").asInt()).isZero();
    assertThat(texts(pending.path("levels").path(0).path("approvers")))
        .containsExactly("northwind-owner", "northwind-security");

    LockboxHttp.Response first = approve("northwind-owner", id, "{\"comment\":\"fine by me\"}");

    assertThat(first.status()).as(first.body()).isEqualTo(200);
    assertThat(first.text("status")).isEqualTo("PENDING");
    assertThat(first.json().path("approval").path("approvalsSoFar").asInt()).isEqualTo(1);
    assertThat(first.json().path("approval").path("approvals").path(0).path("actor").asText())
        .isEqualTo("northwind-owner");
    assertThat(first.json().path("accessGrantedAt").isNull()).isTrue();

    LockboxHttp.Response second =
        approve("northwind-security", id, "{\"approvedDuration\":\"PT2H\"}");

    assertThat(second.status()).as(second.body()).isEqualTo(200);
    assertThat(second.text("status")).isEqualTo("ACCESS_GRANTED");
    JsonNode granted = second.json();
    assertThat(granted.path("approval").path("approvedDuration").asText()).isEqualTo("PT2H");
    assertThat(granted.path("accessDuration").asText()).isEqualTo("PT8H");
    assertThat(
            Duration.between(
                Instant.parse(granted.path("accessGrantedAt").asText()),
                Instant.parse(granted.path("accessExpiresAt").asText())))
        .isEqualTo(Duration.ofHours(2));

    List<JsonNode> trail = trail(id);
    assertThat(trail)
        .filteredOn(e -> e.path("action").asText().equals("Record approval"))
        .extracting(e -> e.path("actor").asText())
        .containsExactly("northwind-owner", "northwind-security");
    assertThat(trail)
        .filteredOn(e -> e.path("action").asText().equals("Approve lockbox request"))
        .singleElement()
        .satisfies(
            e ->
                assertThat(e.path("reason").asText())
                    .contains("approved by northwind-owner, northwind-security")
                    .contains("access for PT2H (asked PT8H)"));
  }

  @Test
  void givenOneApprovalCounted_theSameApproverAgainGets409AndStillOnlyOneCounts() {
    String id = LockboxRequests.create(lockbox.http(), "engineer1", NORTHWIND, "PENDING");
    assertThat(approve("northwind-owner", id, "{}").status()).isEqualTo(200);

    LockboxHttp.Response again = approve("northwind-owner", id, "{}");

    assertThat(again.status()).as(again.body()).isEqualTo(409);
    assertThat(again.header("Content-Type")).startsWith("application/problem+json");
    assertThat(again.text("detail")).contains("already approved");
    assertThat(get(id).path("approval").path("approvalsSoFar").asInt()).isEqualTo(1);
    assertThat(get(id).path("status").asText()).isEqualTo("PENDING");
  }

  @Test
  void givenOneApprovalCounted_aDenyByTheOtherApproverEndsTheRequest() {
    String id = LockboxRequests.create(lockbox.http(), "engineer1", NORTHWIND, "PENDING");
    approve("northwind-owner", id, "{}");

    LockboxHttp.Response denied =
        lockbox.postJson("northwind-security", "/api/lockbox-requests/" + id + "/deny", "{}");

    assertThat(denied.status()).as(denied.body()).isEqualTo(200);
    assertThat(denied.text("status")).isEqualTo("DENIED");
    assertThat(get(id).path("accessGrantedAt").isNull()).isTrue();
  }

  @Test
  void anApprovedDurationLongerThanAskedShorterThanTheMinimumOrMalformedIsA400Problem() {
    String id = LockboxRequests.create(lockbox.http(), "engineer1", NORTHWIND, "PENDING");

    for (String duration : List.of("PT9H", "PT0.5S", "two hours")) {
      LockboxHttp.Response refused =
          approve("northwind-owner", id, "{\"approvedDuration\":\"" + duration + "\"}");
      assertThat(refused.status()).as(duration + ": " + refused.body()).isEqualTo(400);
      assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
      assertThat(refused.json().path("errors").has("approvedDuration")).as(duration).isTrue();
    }
    LockboxHttp.Response onDeny =
        lockbox.postJson(
            "northwind-owner",
            "/api/lockbox-requests/" + id + "/deny",
            "{\"approvedDuration\":\"PT1H\"}");
    assertThat(onDeny.status()).as(onDeny.body()).isEqualTo(400);
    assertThat(get(id).path("approval").path("approvalsSoFar").asInt()).isZero();
    assertThat(get(id).path("status").asText()).isEqualTo("PENDING");
  }

  @Test
  void givenAccessApprovedForThreeSeconds_itIsRevokedAfterThreeSecondsNotTheEightHoursAsked() {
    String id = LockboxRequests.create(lockbox.http(), "engineer1", LockboxApiIT.DEMO, "PENDING");

    LockboxHttp.Response approved = approve("contoso-owner", id, "{\"approvedDuration\":\"PT3S\"}");

    assertThat(approved.status()).as(approved.body()).isEqualTo(200);
    await("access ends after the approved 3 s")
        .atMost(Duration.ofSeconds(60))
        .until(() -> get(id).path("status").asText(), "COMPLETED"::equals);
    JsonNode done = get(id);
    assertThat(
            Duration.between(
                Instant.parse(done.path("accessGrantedAt").asText()),
                Instant.parse(done.path("accessExpiresAt").asText())))
        .isEqualTo(Duration.ofSeconds(3));
    assertThat(done.path("revocation").path("comment").asText()).isEqualTo("access window ended");
  }

  @Test
  void theOpenApiDescriptionDescribesApprovedDurationAndTheApprovalState() {
    JsonNode schemas = lockbox.get(null, "/v3/api-docs").json().path("components").path("schemas");

    JsonNode approvedDuration =
        schemas.path("DecisionBody").path("properties").path("approvedDuration");
    assertThat(approvedDuration.path("description").asText()).contains("Never longer than asked");
    assertThat(approvedDuration.path("example").asText()).isEqualTo("PT2H");
    assertThat(schemas.path("LockboxRequestView").path("properties").has("approval")).isTrue();
    assertThat(schemas.path("Approval").path("properties").has("approvalsNeeded")).isTrue();
  }

  private LockboxHttp.Response approve(String user, String id, String body) {
    return lockbox.postJson(user, "/api/lockbox-requests/" + id + "/approve", body);
  }

  private JsonNode get(String id) {
    return lockbox.get("auditor", "/api/lockbox-requests/" + id).json();
  }

  private List<JsonNode> trail(String id) {
    JsonNode trail = lockbox.get("auditor", "/api/lockbox-requests/" + id + "/audit").json();
    return StreamSupport.stream(trail.spliterator(), false).toList();
  }

  private static List<String> texts(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
  }
}
