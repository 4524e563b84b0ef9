package dev.lockbox.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.lockbox.local.LockboxHttp.Response;
import dev.lockbox.workflows.LockboxNames;
import dev.lockbox.workflows.LockboxWorkflowImpl;
import io.temporal.api.sdk.v1.WorkflowMetadata;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowStub;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.testing.WorkflowReplayer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/** The REST API over real HTTP against lockbox.jar's application with short windows. */
@Timeout(120)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LockboxApiIT {

  static final String DEMO =
      """
      {"supportTicketId":"SR-1001","tenantId":"contoso","subscriptionId":"contoso-prod",
       "resourceType":"VirtualMachine","resourceId":"vm-web-01","accessLevel":"RemoteDesktop",
       "justification":"Customer reports RDP failures; need to inspect event logs"}""";

  private static final Duration APPROVAL_WINDOW = Duration.ofSeconds(8);
  private static final Duration ACCESS_WINDOW = Duration.ofSeconds(3);

  private RunningLockbox lockbox;

  @BeforeAll
  void start() {
    lockbox =
        new RunningLockbox(
            "--lockbox.approval-window=" + APPROVAL_WINDOW,
            "--lockbox.access-window=" + ACCESS_WINDOW,
            "--lockbox.minimum-access-duration=PT1S");
  }

  @AfterAll
  void stop() {
    lockbox.close();
  }

  @Test
  void givenTheDemoRequest_whenApproved_itIsGrantedThenCompletedAtTheEndOfTheAccessWindow() {
    Response created = lockbox.postJson("engineer1", "/api/lockbox-requests", DEMO);
    assertThat(created.status()).isEqualTo(201);
    String id = created.text("id");
    assertThat(created.header("Location")).isEqualTo("/api/lockbox-requests/" + id);
    assertThat(created.text("status")).isEqualTo("PENDING");
    assertThat(created.text("requester")).isEqualTo("engineer1");

    Response approved = decide("contoso-owner", id, "approve", "{\"comment\":\"go ahead\"}");
    assertThat(approved.status()).isEqualTo(200);
    assertThat(approved.text("status")).isEqualTo("ACCESS_GRANTED");
    assertThat(approved.json().path("decision").path("actor").asString())
        .isEqualTo("contoso-owner");
    assertThat(approved.json().path("decision").path("channel").asString()).isEqualTo("API");
    assertThat(approved.json().path("decision").path("comment").asString()).isEqualTo("go ahead");

    Response completed = awaitStatus(id, "COMPLETED");
    assertThat(completed.text("revokedAt")).isNotNull();
    assertThat(completed.json().path("revocation").path("actor").asString()).isEqualTo("system");
  }

  @Test
  void givenAPendingRequest_whenDenied_itEndsDenied() {
    String id = createDemo();

    Response denied = decide("contoso-owner", id, "deny", "{\"comment\":\"not today\"}");

    assertThat(denied.status()).isEqualTo(200);
    assertThat(denied.text("status")).isEqualTo("DENIED");
    assertThat(get("engineer1", id).text("accessGrantedAt")).isNull();
  }

  @Test
  void givenNoDecision_theRequestExpiresAndALateApprovalGets409() {
    String id = createDemo();

    awaitStatus(id, "EXPIRED");
    Response late = decide("contoso-owner", id, "approve", "{}");

    assertThat(late.status()).isEqualTo(409);
    assertThat(late.header("Content-Type")).startsWith("application/problem+json");
    assertThat(late.text("currentStatus")).isEqualTo("EXPIRED");
  }

  @Test
  void theRequesterCancelsAPendingRequest_andOthersMayNot() {
    String id = createDemo();

    assertThat(decide("contoso-owner", id, "cancel", "{}").status()).isEqualTo(403);
    assertThat(decide("engineer2", id, "cancel", "{}").status()).isEqualTo(404);
    Response canceled =
        decide("engineer1", id, "cancel", "{\"comment\":\"fixed by the customer\"}");

    assertThat(canceled.text("status")).isEqualTo("CANCELED");
  }

  @Test
  void theRequesterRevokesEarly() {
    String id = createDemo();
    decide("contoso-owner", id, "approve", "{}");

    Response revoked = decide("engineer1", id, "revoke", "{\"comment\":\"done\"}");

    assertThat(revoked.status()).isEqualTo(200);
    assertThat(revoked.text("status")).isEqualTo("COMPLETED");
    assertThat(revoked.json().path("revocation").path("actor").asString()).isEqualTo("engineer1");
  }

  @Test
  void aSecondDecisionGets409WithTheCurrentStatus() {
    String id = createDemo();
    decide("contoso-owner", id, "deny", "{}");

    Response again = decide("contoso-owner", id, "approve", "{}");

    assertThat(again.status()).isEqualTo(409);
    assertThat(again.text("currentStatus")).isEqualTo("DENIED");
    assertThat(again.text("detail")).contains("DENIED");
  }

  @Test
  void aDenyWhileAccessIsGrantedIsRefusedByTheWorkflowWith409() {
    String id = createDemo();
    assertThat(decide("contoso-owner", id, "approve", "{}").text("status"))
        .isEqualTo("ACCESS_GRANTED");

    Response deny = decide("contoso-owner", id, "deny", "{}");

    assertThat(deny.status()).isEqualTo(409);
    assertThat(deny.text("currentStatus")).isEqualTo("ACCESS_GRANTED");
  }

  @Test
  void onlyADesignatedApproverOfTheTenantMayDecide() {
    String id = createDemo();

    Response self = decide("engineer1", id, "approve", "{}");
    Response auditor = decide("auditor", id, "approve", "{}");
    Response otherTenant = decide("fabrikam-owner", id, "approve", "{}");

    assertThat(self.status()).isEqualTo(403);
    assertThat(self.text("detail")).contains("own request");
    assertThat(auditor.status()).isEqualTo(403);
    assertThat(otherTenant.status()).isEqualTo(404);
    assertThat(get("engineer1", id).text("status")).isEqualTo("PENDING");
  }

  @Test
  void whoSeesARequest() {
    String id = createDemo();

    assertThat(get("engineer1", id).status()).isEqualTo(200);
    assertThat(get("contoso-owner", id).status()).isEqualTo(200);
    assertThat(get("auditor", id).status()).isEqualTo(200);
    assertThat(get("fabrikam-owner", id).status()).isEqualTo(404);
    assertThat(get("engineer2", id).status()).isEqualTo(404);
    assertThat(get(null, id).status()).isEqualTo(401);
    assertThat(get("engineer1", UUID.randomUUID().toString()).status()).isEqualTo(404);
    Response oversized = get("engineer1", "x".repeat(5_000));
    assertThat(oversized.status()).isEqualTo(404);
    assertThat(oversized.text("detail")).hasSizeLessThan(200);
  }

  @Test
  void operatorsSeeAStaticSummaryAndTheCurrentStatusInTheWorkflowsWebUiFields() {
    String id = createDemo();
    WorkflowStub workflow =
        lockbox.bean(WorkflowClient.class).newUntypedWorkflowStub(LockboxNames.workflowId(id));

    String summary = workflow.describe().getStaticSummary();
    WorkflowMetadata metadata =
        workflow.query("__temporal_workflow_metadata", WorkflowMetadata.class);

    assertThat(summary).isEqualTo("RemoteDesktop to vm-web-01 for ticket SR-1001 — contoso");
    assertThat(metadata.getCurrentDetails())
        .startsWith("**PENDING** — waiting for contoso approvers until");
  }

  @Test
  void theHistoryIsTemporalJsonThatReplaysAgainstTheWorkflow() throws Exception {
    String id = createDemo();
    decide("contoso-owner", id, "deny", "{}");

    Response history = lockbox.get("auditor", "/api/lockbox-requests/" + id + "/history");

    assertThat(history.status()).isEqualTo(200);
    assertThat(history.json().path("events").size()).isGreaterThan(5);
    WorkflowReplayer.replayWorkflowExecution(
        WorkflowExecutionHistory.fromJson(history.body()), LockboxWorkflowImpl.class);
  }

  @Nested
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  class BadInput {

    @Test
    void anIncompleteBodyGets400NamingTheFieldsAndStartsNothing() {
      long before = total("auditor", "");

      Response response =
          lockbox.postJson("engineer1", "/api/lockbox-requests", "{\"tenantId\":\"contoso\"}");

      assertThat(response.status()).isEqualTo(400);
      assertThat(response.header("Content-Type")).startsWith("application/problem+json");
      assertThat(response.json().path("errors").has("justification")).isTrue();
      assertThat(total("auditor", "")).isEqualTo(before);
    }

    @Test
    void malformedJsonUnknownFieldsAndOtherMediaTypesGet4xxProblems() {
      Response malformed = lockbox.postJson("engineer1", "/api/lockbox-requests", "{\"tenantId\":");
      Response unknown =
          lockbox.postJson(
              "engineer1",
              "/api/lockbox-requests",
              DEMO.replace("{", "{\"requester\":\"someone-else\","));
      Response form =
          lockbox.send(
              "engineer1",
              HttpRequest.newBuilder(URI.create(lockbox.baseUrl() + "/api/lockbox-requests"))
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(HttpRequest.BodyPublishers.ofString("tenantId=contoso")));

      assertThat(malformed.status()).isEqualTo(400);
      assertThat(unknown.status()).isEqualTo(400);
      assertThat(unknown.text("detail")).contains("requester");
      assertThat(form.status()).isEqualTo(415);
      assertThat(form.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void anUnknownTenantOrForeignSubscriptionGets400() {
      Response tenant =
          lockbox.postJson(
              "engineer1", "/api/lockbox-requests", DEMO.replace("\"contoso\"", "\"nobody\""));
      Response subscription =
          lockbox.postJson(
              "engineer1", "/api/lockbox-requests", DEMO.replace("contoso-prod", "fabrikam-prod"));

      assertThat(tenant.status()).isEqualTo(400);
      assertThat(subscription.status()).isEqualTo(400);
      assertThat(subscription.text("detail")).contains("does not belong to tenant contoso");
    }

    @Test
    void aDurationThatIsNotIsoOrLongerThanTheWindowGets400() {
      Response notIso =
          lockbox.postJson("engineer1", "/api/lockbox-requests", withDuration("two hours"));
      Response tooLong =
          lockbox.postJson("engineer1", "/api/lockbox-requests", withDuration("PT9H"));
      Response fine = lockbox.postJson("engineer1", "/api/lockbox-requests", withDuration("PT2S"));

      assertThat(notIso.status()).isEqualTo(400);
      assertThat(tooLong.status()).isEqualTo(400);
      assertThat(tooLong.text("detail")).contains("maximum access window");
      assertThat(fine.status()).isEqualTo(201);
      assertThat(fine.text("accessDuration")).isEqualTo("PT2S");
    }

    @Test
    void onlyEngineersCreateRequests() {
      assertThat(lockbox.postJson("contoso-owner", "/api/lockbox-requests", DEMO).status())
          .isEqualTo(403);
      assertThat(lockbox.postJson("auditor", "/api/lockbox-requests", DEMO).status())
          .isEqualTo(403);
    }

    @Test
    void anUnknownStatusFilterGets400() {
      assertThat(lockbox.get("auditor", "/api/lockbox-requests?status=SOMETIMES").status())
          .isEqualTo(400);
      assertThat(lockbox.get("auditor", "/api/lockbox-requests?size=1000").status()).isEqualTo(400);
    }

    private String withDuration(String duration) {
      return DEMO.replace("}", ",\"requestedDuration\":\"" + duration + "\"}");
    }
  }

  @Test
  void theSameIdempotencyKeyReturnsTheSameRequest_andADifferentBodyWithItGets422() {
    String key = UUID.randomUUID().toString();

    Response first = createWithKey(key, DEMO);
    Response second = createWithKey(key, DEMO);
    Response different = createWithKey(key, DEMO.replace("SR-1001", "SR-2002"));

    assertThat(first.status()).isEqualTo(201);
    assertThat(second.status()).isEqualTo(200);
    assertThat(second.text("id")).isEqualTo(first.text("id"));
    assertThat(different.status()).isEqualTo(422);
  }

  @Test
  void listingsFilterByStatusAndTenantAndShowEachCallerOnlyWhatTheyMaySee() {
    String pending = createDemo();
    String denied = createDemo();
    decide("contoso-owner", denied, "deny", "{}");
    Response fabrikam =
        lockbox.postJson(
            "engineer2",
            "/api/lockbox-requests",
            DEMO.replace("contoso-prod", "fabrikam-prod").replace("\"contoso\"", "\"fabrikam\""));
    assertThat(fabrikam.status()).isEqualTo(201);

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> {
              Response list =
                  lockbox.get(
                      "contoso-owner", "/api/lockbox-requests?status=PENDING&tenantId=contoso");
              assertThat(ids(list)).contains(pending).doesNotContain(denied);
            });
    assertThat(ids(lockbox.get("contoso-owner", "/api/lockbox-requests")))
        .doesNotContain(fabrikam.text("id"));
    assertThat(ids(lockbox.get("engineer2", "/api/lockbox-requests")))
        .containsOnly(fabrikam.text("id"));
    assertThat(ids(lockbox.get("auditor", "/api/lockbox-requests?size=100")))
        .contains(pending, denied, fabrikam.text("id"));
    Response page = lockbox.get("auditor", "/api/lockbox-requests?size=1&page=0");
    assertThat(page.json().path("items").size()).isEqualTo(1);
    assertThat(page.json().path("total").asLong()).isGreaterThanOrEqualTo(3);
  }

  // ---- helpers ----

  private String createDemo() {
    Response created = lockbox.postJson("engineer1", "/api/lockbox-requests", DEMO);
    assertThat(created.status()).isEqualTo(201);
    // A busy machine may answer the create while the JIT policy still evaluates (docs/api.md).
    assertThat(created.text("status")).isIn("PENDING", "EVALUATING");
    LockboxRequests.awaitStatus(lockbox.http(), created.text("id"), "PENDING");
    return created.text("id");
  }

  private Response createWithKey(String key, String body) {
    return lockbox.send(
        "engineer1",
        HttpRequest.newBuilder(URI.create(lockbox.baseUrl() + "/api/lockbox-requests"))
            .header("Content-Type", "application/json")
            .header("Idempotency-Key", key)
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private Response decide(String user, String id, String decision, String body) {
    return lockbox.postJson(user, "/api/lockbox-requests/" + id + "/" + decision, body);
  }

  private Response get(String user, String id) {
    return lockbox.get(user, "/api/lockbox-requests/" + id);
  }

  private Response awaitStatus(String id, String status) {
    await()
        .atMost(APPROVAL_WINDOW.plusSeconds(15))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> status.equals(get("engineer1", id).text("status")));
    return get("engineer1", id);
  }

  private long total(String user, String query) {
    return lockbox.get(user, "/api/lockbox-requests" + query).json().path("total").asLong();
  }

  private static java.util.List<String> ids(Response list) {
    java.util.List<String> ids = new java.util.ArrayList<>();
    list.json().path("items").forEach(item -> ids.add(item.path("id").asString()));
    return ids;
  }
}
