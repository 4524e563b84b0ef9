package dev.lockbox.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.lockbox.local.LockboxHttp.Response;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The JIT policy, internal review and break-glass through the REST API of lockbox.jar. */
@Timeout(120)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PolicyIT {

  private RunningLockbox lockbox;

  @BeforeAll
  void start() {
    lockbox = new RunningLockbox("--lockbox.break-glass-window=PT3S");
  }

  @AfterAll
  void stop() {
    lockbox.close();
  }

  /** The table in docs/policy.md: the shipped rules, checked on lockbox.jar. */
  @ParameterizedTest(name = "{0}: {1}/{2}/{3} → {4}")
  @CsvSource({
    "engineer1, VirtualMachine, RemoteDesktop, RESOURCE, PENDING",
    "engineer2, VirtualMachine, RemoteDesktop, RESOURCE, PENDING",
    "engineer1, VirtualMachine, Reader, RESOURCE, ACCESS_GRANTED",
    "engineer2, VirtualMachine, Reader, RESOURCE, ACCESS_GRANTED",
    "engineer1, StorageAccount, DataRead, SUBSCRIPTION, INTERNAL_REVIEW",
    "engineer2, StorageAccount, DataRead, SUBSCRIPTION, INTERNAL_REVIEW",
    "engineer1, VirtualMachine, RemoteDesktop, TENANT, REJECTED",
    "engineer2, VirtualMachine, RemoteDesktop, TENANT, INTERNAL_REVIEW",
  })
  void theShippedRulesGiveTheDocumentedOutcomes(
      String engineer, String type, String level, String scope, String status) {
    Response created = create(engineer, body("contoso", type, level, scope, null, null));

    assertThat(created.status()).isEqualTo(201);
    assertThat(created.text("status")).isEqualTo(status);
    assertThat(created.json().path("jit").path("reasons").size()).isPositive();
  }

  @Test
  void theApproverSeesTheReasonsInPlainWords() {
    Response created =
        create(
            "engineer1",
            body("contoso", "VirtualMachine", "RemoteDesktop", "RESOURCE", null, null));

    assertThat(created.json().path("jit").path("reasons").toString())
        .contains("remote desktop to a VM reaches customer data")
        .contains("the requester is not on an isolated identity");
  }

  @Test
  void anUnsupportedServiceAPreviewForATenantWithoutPreviewsAndATooLongDurationGet400() {
    Response classic =
        create(
            "engineer1",
            body("contoso", "ClassicVirtualMachine", "RemoteDesktop", null, null, null));
    Response preview =
        create("engineer1", body("fabrikam", "StorageAccount", "DataRead", null, null, null));
    Response tooLong =
        create(
            "engineer1",
            body("contoso", "StorageAccount", "DataRead", "SUBSCRIPTION", "PT5H", null));
    Response badScope =
        create(
            "engineer1", body("contoso", "VirtualMachine", "RemoteDesktop", "GALAXY", null, null));

    assertThat(classic.status()).isEqualTo(400);
    assertThat(classic.text("detail"))
        .contains("migrate the virtual machine to Azure Resource Manager");
    assertThat(preview.status()).isEqualTo(400);
    assertThat(preview.text("detail")).contains("preview").contains("fabrikam");
    assertThat(tooLong.status()).isEqualTo(400);
    assertThat(tooLong.text("detail")).contains("PT4H");
    assertThat(badScope.status()).isEqualTo(400);
  }

  @Test
  void aSupportLeadApprovesInternallyThenTheCustomerIsAsked() {
    String id =
        create(
                "engineer1",
                body("contoso", "StorageAccount", "DataRead", "SUBSCRIPTION", null, null))
            .text("id");

    assertThat(decide("engineer1", id, "internal-approve").status()).isEqualTo(403);
    assertThat(decide("devops-manager", id, "internal-approve").status()).isEqualTo(403);
    assertThat(decide("contoso-owner", id, "approve").status()).isEqualTo(409);
    Response reviewed = decide("support-lead", id, "internal-approve");

    assertThat(reviewed.status()).isEqualTo(200);
    assertThat(reviewed.text("status")).isEqualTo("PENDING");
    assertThat(reviewed.json().path("internalDecision").path("actor").asString())
        .isEqualTo("support-lead");
    assertThat(decide("contoso-owner", id, "approve").text("status")).isEqualTo("ACCESS_GRANTED");
  }

  @Test
  void anInternalDenyEndsTheRequestDenied() {
    String id =
        create(
                "engineer2",
                body("contoso", "VirtualMachine", "RemoteDesktop", "TENANT", null, null))
            .text("id");

    Response denied = decide("devops-manager", id, "internal-deny");

    assertThat(denied.text("status")).isEqualTo("DENIED");
    assertThat(denied.json().path("decision").path("kind").asString()).isEqualTo("INTERNAL_DENY");
  }

  @Test
  void anIncidentResponderGetsBreakGlassAccessAtOnceForItsShortWindow() {
    Response granted =
        create(
            "oncall1",
            body(
                "contoso",
                "VirtualMachine",
                "RemoteDesktop",
                null,
                null,
                "Sev-1 outage: VM unresponsive, inspecting now"));

    assertThat(granted.status()).isEqualTo(201);
    assertThat(granted.text("status")).isEqualTo("ACCESS_GRANTED");
    assertThat(granted.json().path("breakGlass").asBoolean()).isTrue();
    assertThat(granted.text("accessDuration")).isEqualTo("PT3S");
    String id = granted.text("id");
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () -> {
              Response now = lockbox.get("contoso-owner", "/api/lockbox-requests/" + id);
              assertThat(now.text("status")).isEqualTo("COMPLETED");
              assertThat(now.json().path("notifications").toString()).contains("BREAK_GLASS_USED");
            });
  }

  @Test
  void breakGlassNeedsTheRoleAndARealJustification() {
    Response engineer =
        create(
            "engineer1",
            body(
                "contoso",
                "VirtualMachine",
                "RemoteDesktop",
                null,
                null,
                "Sev-1 outage: VM unresponsive, inspecting now"));
    Response terse =
        create(
            "oncall1",
            body("contoso", "VirtualMachine", "RemoteDesktop", null, null, "urgent fix now"));
    Response tooLong =
        create(
            "oncall1",
            body(
                "contoso",
                "VirtualMachine",
                "RemoteDesktop",
                null,
                "PT2H",
                "Sev-1 outage: VM unresponsive, inspecting now"));

    assertThat(engineer.status()).isEqualTo(403);
    assertThat(terse.status()).isEqualTo(400);
    assertThat(terse.text("detail")).contains("at least 20 characters");
    assertThat(tooLong.status()).isEqualTo(400);
  }

  @Test
  void aChangedRuleChangesTheOutcomeAfterARestart(@TempDir Path dir) throws IOException {
    Path rules = dir.resolve("rules.yml");
    Files.writeString(
        rules,
        shippedRules()
            .replace(
                "  - id: customer-data\n    match:\n      customer-data: true\n    outcome: REQUIRE_CUSTOMER_APPROVAL",
                "  - id: customer-data\n    match:\n      customer-data: true\n    outcome: REJECT"));

    try (RunningLockbox changed = new RunningLockbox("--lockbox.policy.rules-file=file:" + rules)) {
      Response created = changed.postJson("engineer1", "/api/lockbox-requests", LockboxApiIT.DEMO);
      assertThat(created.text("status")).isEqualTo("REJECTED");
      assertThat(created.json().path("jit").path("ruleId").asString()).isEqualTo("customer-data");
    }
  }

  @Test
  void atTheHourlyLimit_aNewRequestIsRefused_butARepeatedKeyStillGetsItsRequest(@TempDir Path dir)
      throws IOException {
    Path rules = dir.resolve("one-an-hour.yml");
    Files.writeString(
        rules,
        shippedRules()
            .replace("requests-per-engineer-per-hour: 60", "requests-per-engineer-per-hour: 1"));

    try (RunningLockbox limited = new RunningLockbox("--lockbox.policy.rules-file=file:" + rules)) {
      Response first = createWithKey(limited, "limit-1");
      Response repeated = createWithKey(limited, "limit-1");
      Response another = createWithKey(limited, "limit-2");

      assertThat(first.status()).as(first.body()).isEqualTo(201);
      assertThat(repeated.status()).as(repeated.body()).isEqualTo(200);
      assertThat(repeated.text("id")).isEqualTo(first.text("id"));
      assertThat(another.status()).as(another.body()).isEqualTo(429);
      assertThat(another.header("Retry-After")).isNotBlank();
    }
  }

  @Test
  void aBadRulesFileStopsStartUpNamingTheRuleAndTheProblem(@TempDir Path dir) throws IOException {
    Path rules = dir.resolve("bad.yml");
    Files.writeString(
        rules, shippedRules().replace("outcome: GRANT_WITHOUT_LOCKBOX", "outcome: SURE_WHY_NOT"));

    assertThatThrownBy(
            () -> new RunningLockbox("--lockbox.policy.rules-file=file:" + rules).close())
        .rootCause()
        .hasMessageContaining("rule 'metadata-only'")
        .hasMessageContaining("SURE_WHY_NOT");
  }

  // ---- helpers ----

  private static Response createWithKey(RunningLockbox lockbox, String key) {
    return lockbox.send(
        "engineer1",
        HttpRequest.newBuilder(URI.create(lockbox.baseUrl() + "/api/lockbox-requests"))
            .header("Content-Type", "application/json")
            .header("Idempotency-Key", key)
            .POST(HttpRequest.BodyPublishers.ofString(LockboxApiIT.DEMO)));
  }

  private static String shippedRules() throws IOException {
    try (InputStream in = PolicyIT.class.getResourceAsStream("/lockbox-policy.yml")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private Response create(String engineer, String body) {
    return lockbox.postJson(engineer, "/api/lockbox-requests", body);
  }

  private Response decide(String user, String id, String decision) {
    return lockbox.postJson(user, "/api/lockbox-requests/" + id + "/" + decision, "{}");
  }

  private static String body(
      String tenant,
      String type,
      String level,
      String scope,
      String duration,
      String breakGlassJustification) {
    StringBuilder json =
        new StringBuilder("{\"supportTicketId\":\"SR-2001\",\"tenantId\":\"" + tenant + "\"")
            .append(",\"subscriptionId\":\"")
            .append(tenant)
            .append("-prod\"")
            .append(",\"resourceType\":\"")
            .append(type)
            .append("\",\"resourceId\":\"res-01\"")
            .append(",\"accessLevel\":\"")
            .append(level)
            .append("\"");
    json.append(",\"justification\":\"")
        .append(
            breakGlassJustification == null
                ? "Customer ticket needs a closer look"
                : breakGlassJustification)
        .append("\"");
    if (scope != null) {
      json.append(",\"resourceScope\":\"").append(scope).append("\"");
    }
    if (duration != null) {
      json.append(",\"requestedDuration\":\"").append(duration).append("\"");
    }
    if (breakGlassJustification != null) {
      json.append(",\"breakGlass\":true");
    }
    return json.append("}").toString();
  }
}
