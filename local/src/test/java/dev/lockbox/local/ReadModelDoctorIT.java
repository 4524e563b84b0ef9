package dev.lockbox.local;

import static dev.lockbox.local.LockboxRequests.create;
import static dev.lockbox.local.LockboxRequests.decide;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The operator's read model check {@code /actuator/readmodel}: drift made behind Lockbox's back (a
 * lost row, a changed status, a row without a workflow) is reported by request id; a repair
 * rewrites the rows from the workflows and deletes nothing.
 */
@Timeout(180)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadModelDoctorIT {

  private RunningLockbox lockbox;
  private String lost;
  private String changed;
  private String untouched;

  @BeforeAll
  void requests() {
    lockbox = new RunningLockbox();
    lost = create(lockbox.http(), "engineer1", LockboxApiIT.DEMO, "PENDING");
    changed = create(lockbox.http(), "engineer1", LockboxApiIT.DEMO, "PENDING");
    untouched = create(lockbox.http(), "engineer1", LockboxApiIT.DEMO, "PENDING");
    decide(lockbox.http(), "contoso-owner", untouched, "deny");
  }

  @AfterAll
  void stop() {
    lockbox.close();
  }

  @Test
  void onlyOperatorsMayCheckOrRepair() {
    assertThat(lockbox.get(null, "/actuator/readmodel").status()).isEqualTo(401);
    assertThat(lockbox.get("auditor", "/actuator/readmodel").status()).isEqualTo(403);
    assertThat(post("contoso-owner").status()).isEqualTo(403);
  }

  @Test
  void driftIsReportedByRequestId_aRepairFixesIt_andKeepsRowsWithoutWorkflow() {
    JdbcClient db = lockbox.bean(JdbcClient.class);
    db.sql("DELETE FROM request_summary WHERE request_id = ?").param(lost).update();
    db.sql("UPDATE request_summary SET status = 'EXPIRED' WHERE request_id = ?")
        .param(changed)
        .update();
    insertRowWithoutWorkflow(db, "no-such-workflow");

    JsonNode report = lockbox.get("operator", "/actuator/readmodel").json();
    assertThat(drift(report))
        .containsExactlyInAnyOrder(lost + ":null->PENDING", changed + ":EXPIRED->PENDING");
    assertThat(report.path("notInTemporal").toString()).contains("no-such-workflow");
    assertThat(report.path("repaired").asBoolean()).isFalse();
    assertThat(status(db, changed)).as("a check changes nothing").isEqualTo("EXPIRED");

    JsonNode repair = post("operator").json();
    assertThat(repair.path("repaired").asBoolean()).isTrue();
    assertThat(drift(repair)).hasSize(2);
    assertThat(status(db, lost)).isEqualTo("PENDING");
    assertThat(status(db, changed)).isEqualTo("PENDING");
    assertThat(status(db, untouched)).isEqualTo("DENIED");
    assertThat(status(db, "no-such-workflow")).isEqualTo("PENDING");
    assertThat(drift(lockbox.get("operator", "/actuator/readmodel").json())).isEmpty();
    assertThat(lockbox.get("auditor", "/api/lockbox-requests?status=PENDING").body())
        .contains(lost, changed);
  }

  private LockboxHttp.Response post(String user) {
    return lockbox.send(
        user,
        HttpRequest.newBuilder(URI.create(lockbox.baseUrl() + "/actuator/readmodel"))
            .POST(HttpRequest.BodyPublishers.noBody()));
  }

  private static List<String> drift(JsonNode report) {
    return report
        .path("drift")
        .valueStream()
        .map(
            e ->
                e.path("requestId").asString()
                    + ":"
                    + (e.path("readModel").isNull() ? "null" : e.path("readModel").asString())
                    + "->"
                    + e.path("workflow").asString())
        .toList();
  }

  private static String status(JdbcClient db, String id) {
    return db.sql("SELECT status FROM request_summary WHERE request_id = ?")
        .param(id)
        .query(String.class)
        .single();
  }

  private static void insertRowWithoutWorkflow(JdbcClient db, String id) {
    db.sql(
            "INSERT INTO request_summary (request_id, version, status, tenant_id, subscription_id,"
                + " requester, resource_type, resource_id, access_level, support_ticket_id,"
                + " created_at) VALUES (?, 1, 'PENDING', 'contoso', 'contoso-prod', 'engineer1',"
                + " 'VirtualMachine', 'vm-old', 'RemoteDesktop', 'SR-1', ?)")
        .params(id, Instant.parse("2026-01-01T00:00:00Z").atOffset(ZoneOffset.UTC))
        .update();
  }
}
