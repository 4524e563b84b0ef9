package dev.lockbox.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import dev.lockbox.audit.export.ArchiveVerifier;
import dev.lockbox.local.LockboxHttp.Response;
import dev.lockbox.local.audit.AuditCommand;
import dev.lockbox.platform.temporal.TemporalSettings;
import dev.lockbox.workflows.LockboxWorkflowImpl;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.testing.WorkflowReplayer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.env.Environment;
import tools.jackson.databind.JsonNode;

/**
 * The audit trail end to end on lockbox.jar's application: events of every path with actor and
 * channel, who reads them, CSV, the signed export (verified, tampered, replayed), the command-line
 * export against the running service, and the archive job.
 */
@Timeout(180)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditIT {

  private static final String ENGINEER = "engineer1";
  private static final String CONTOSO = "contoso-owner";
  private static final String FABRIKAM = "fabrikam-owner";

  @TempDir static Path dir;
  private RunningLockbox lockbox;
  private Path archive;
  private Path signingKey;
  private Instant testStart;
  private final Map<String, String> ids = new java.util.LinkedHashMap<>();

  @BeforeAll
  void startAndRunEveryPath() throws Exception {
    archive = dir.resolve("archive");
    signingKey = dir.resolve("audit-key.pem");
    Files.writeString(signingKey, privateKeyPem());
    testStart = Instant.now().minusSeconds(1);
    lockbox =
        new RunningLockbox(
            "--lockbox.approval-window=PT6S",
            "--lockbox.access-window=PT2S",
            "--lockbox.audit.signing-key-file=" + signingKey,
            "--lockbox.audit.archive.directory=" + archive,
            "--lockbox.audit.archive.period=PT3S",
            "--lockbox.audit.archive.delay=PT1S");
    ids.put("approve", create("contoso", "RemoteDesktop", "VirtualMachine"));
    decide(CONTOSO, ids.get("approve"), "approve", "go ahead");
    ids.put("deny", create("fabrikam", "RemoteDesktop", "VirtualMachine"));
    decide(FABRIKAM, ids.get("deny"), "deny", "=not today");
    ids.put("cancel", create("contoso", "RemoteDesktop", "VirtualMachine"));
    decide(ENGINEER, ids.get("cancel"), "cancel", "solved without access");
    ids.put("early-revoke", create("contoso", "RemoteDesktop", "VirtualMachine"));
    decide(CONTOSO, ids.get("early-revoke"), "approve", "ok");
    decide(CONTOSO, ids.get("early-revoke"), "revoke", "done already");
    // Tenant-wide access by an engineer without an isolated identity: the shipped rules reject it.
    ids.put("reject", create("contoso", "RemoteDesktop", "VirtualMachine", "TENANT"));
    ids.put("grant-without-lockbox", create("contoso", "Reader", "VirtualMachine"));
    ids.put("expire", create("contoso", "RemoteDesktop", "VirtualMachine"));
    awaitStatus("expire", "EXPIRED");
    awaitStatus("approve", "COMPLETED");
    awaitStatus("grant-without-lockbox", "COMPLETED");
  }

  @AfterAll
  void stop() {
    if (lockbox != null) {
      lockbox.close();
    }
  }

  @Test
  void everyPathHasItsEventsWithTheRightActorAndChannel() {
    assertThat(trail("approve"))
        .containsExactly(
            tuple("Create lockbox request", ENGINEER, "API"),
            tuple("Evaluate JIT rules", "system", "SYSTEM"),
            tuple("Approve lockbox request", CONTOSO, "API"),
            tuple("Grant access", "system", "SYSTEM"),
            tuple("Revoke access", "system", "SYSTEM"));
    assertThat(trail("deny")).last().isEqualTo(tuple("Deny lockbox request", FABRIKAM, "API"));
    assertThat(trail("cancel")).last().isEqualTo(tuple("Cancel lockbox request", ENGINEER, "API"));
    assertThat(trail("early-revoke")).last().isEqualTo(tuple("Revoke access", CONTOSO, "API"));
    assertThat(trail("reject"))
        .last()
        .isEqualTo(tuple("Reject lockbox request", "system", "SYSTEM"));
    assertThat(trail("grant-without-lockbox"))
        .extracting(t -> t.toList().get(0))
        .containsExactly(
            "Create lockbox request", "Evaluate JIT rules", "Grant access", "Revoke access");
    assertThat(trail("expire"))
        .last()
        .isEqualTo(tuple("Expire lockbox request", "system", "SYSTEM"));
  }

  @Test
  void aRequestsTrailIsForThoseWhoMaySeeTheRequest() {
    String path = "/api/lockbox-requests/" + ids.get("deny") + "/audit";
    assertThat(lockbox.get(ENGINEER, path).status()).isEqualTo(200);
    assertThat(lockbox.get(FABRIKAM, path).status()).isEqualTo(200);
    assertThat(lockbox.get("auditor", path).status()).isEqualTo(200);
    assertThat(lockbox.get(CONTOSO, path).status()).isEqualTo(404);
    assertThat(lockbox.get("engineer2", path).status()).isEqualTo(404);
    assertThat(lockbox.get("auditor", "/api/lockbox-requests/no-such-request/audit").status())
        .isEqualTo(404);
  }

  @Test
  void auditorsSeeEveryTenant_approversOnlyTheirOwn_engineersNone() {
    assertThat(tenantsIn(events("auditor", ""))).contains("contoso", "fabrikam");
    assertThat(tenantsIn(events(CONTOSO, ""))).containsOnly("contoso");
    assertThat(tenantsIn(events(FABRIKAM, "&tenantId=fabrikam"))).containsOnly("fabrikam");
    assertThat(lockbox.get(CONTOSO, "/api/audit/events?tenantId=fabrikam").status()).isEqualTo(403);
    assertThat(lockbox.get(ENGINEER, "/api/audit/events").status()).isEqualTo(403);
  }

  @Test
  void eventsFilterByActionSubscriptionAndTime() {
    JsonNode approvals = events("auditor", "&action=Approve lockbox request".replace(" ", "%20"));
    assertThat(approvals.path("items").size()).isEqualTo(2);
    approvals
        .path("items")
        .forEach(e -> assertThat(e.path("action").asString()).isEqualTo("Approve lockbox request"));
    assertThat(tenantsIn(events("auditor", "&subscriptionId=fabrikam-prod")))
        .containsOnly("fabrikam");
    Response before =
        lockbox.get(
            "auditor",
            "/api/audit/events?from="
                + testStart.minusSeconds(3600)
                + "&to="
                + testStart.minusSeconds(60));
    assertThat(before.json().path("items").size()).isZero();
  }

  @Test
  void eventsComeAPageAtATimeWithALinkToTheNext() {
    Response first = lockbox.get("auditor", "/api/audit/events?from=" + testStart + "&size=3");
    Response second =
        lockbox.get("auditor", "/api/audit/events?from=" + testStart + "&size=3&page=1");

    assertThat(first.json().path("items").size()).isEqualTo(3);
    assertThat(first.json().path("hasMore").asBoolean()).isTrue();
    assertThat(first.header("Link")).contains("page=1").contains("rel=\"next\"");
    assertThat(second.json().path("items").get(0)).isNotEqualTo(first.json().path("items").get(0));
  }

  @Test
  void csvEscapesCellsThatASpreadsheetWouldRun() {
    Response csv =
        csv("auditor", "/api/audit/events?from=" + testStart + "&action=Deny%20lockbox%20request");

    assertThat(csv.status()).isEqualTo(200);
    assertThat(csv.header("Content-Type")).startsWith("text/csv");
    assertThat(csv.body().split("\r\n")[0]).startsWith("time,action,actor,channel,tenantId");
    assertThat(csv.body())
        .contains(",Deny lockbox request,fabrikam-owner,API,fabrikam,")
        .contains(",'=not today,");
  }

  @Test
  void badParametersAre400Problems_alsoWhenCsvIsAsked() {
    for (String query :
        List.of(
            "action=Approve",
            "from=yesterday",
            "size=0",
            "page=-1",
            "from=2026-12-02&to=2026-12-01")) {
      Response json = lockbox.get("auditor", "/api/audit/events?" + query);
      Response csv = csv("auditor", "/api/audit/events?" + query);
      assertThat(json.status()).as(query).isEqualTo(400);
      assertThat(json.header("Content-Type")).as(query).startsWith("application/problem+json");
      assertThat(csv.status()).as(query).isEqualTo(400);
    }
    assertThat(lockbox.get("auditor", "/api/audit/export?to=2026-12-01").status()).isEqualTo(400);
    assertThat(lockbox.get(ENGINEER, "/api/audit/export?from=2026-01-01&to=2027-01-01").status())
        .isEqualTo(403);
  }

  @Test
  void theExportVerifies_oneChangedCharacterIsNamedByLine_andItsHistoriesReplay() throws Exception {
    Path export = download("auditor", "");
    Path publicKey = dir.resolve("served-public-key.pem");
    Files.writeString(publicKey, lockbox.get("auditor", "/api/audit/public-key").body());
    List<String> lines = Files.readAllLines(export);

    assertThat(lines).hasSize(ids.size() + 1);
    assertThat(verify(export.toString(), "--public-key", publicKey.toString()))
        .isEqualTo(AuditCommand.OK);

    lines.set(2, lines.get(2).replaceFirst("engineer1", "engineer9"));
    Path tampered = dir.resolve("tampered.ndjson");
    Files.write(tampered, lines);
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit =
        new AuditCommand(System.out, new PrintStream(err, true, StandardCharsets.UTF_8))
            .run("verify", tampered.toString(), "--public-key", publicKey.toString());
    assertThat(exit).isEqualTo(AuditCommand.FAILED);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("line 3:");

    for (String line : Files.readAllLines(export).subList(0, ids.size())) {
      JsonNode request = RunningLockbox.JSON.readTree(line);
      WorkflowReplayer.replayWorkflowExecution(
          WorkflowExecutionHistory.fromJson(
              request.path("history").toString(), request.path("workflowId").asString()),
          LockboxWorkflowImpl.class);
    }
  }

  @Test
  void anApproversExportHoldsTheirTenantOnly() throws IOException {
    Path export = download(FABRIKAM, "");

    List<String> lines = Files.readAllLines(export);
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0)).contains("\"requestId\":\"" + ids.get("deny") + "\"");
    assertThat(lines.get(1)).contains("\"tenantIds\":[\"fabrikam\"]");
    assertThat(verify(export.toString())).isEqualTo(AuditCommand.OK);
  }

  @Test
  void theCommandLineExportReadsTheSameServiceAndSignsWithTheConfiguredKey() throws IOException {
    Path out = dir.resolve("cli-export");
    String temporal = lockbox.bean(TemporalSettings.class).address();
    String database = lockbox.bean(Environment.class).getProperty("spring.datasource.url");

    int exit =
        new AuditCommand(System.out, System.err)
            .run(
                "export",
                "--from",
                testStart.toString(),
                "--to",
                Instant.now().plusSeconds(60).toString(),
                "--tenant",
                "contoso",
                "--out",
                out.toString(),
                "--lockbox.temporal.address=" + temporal,
                "--spring.datasource.url=" + database,
                "--lockbox.audit.signing-key-file=" + signingKey);

    assertThat(exit).isEqualTo(AuditCommand.OK);
    Path file;
    try (Stream<Path> files = Files.list(out)) {
      file = files.filter(f -> f.toString().endsWith(".ndjson")).findFirst().orElseThrow();
    }
    assertThat(Files.readAllLines(file))
        .hasSize(ids.size()); // every request but fabrikam's, plus the manifest
    Path servedKey = dir.resolve("served.pem");
    Files.writeString(servedKey, lockbox.get("auditor", "/api/audit/public-key").body());
    assertThat(verify(file.toString(), "--public-key", servedKey.toString()))
        .isEqualTo(AuditCommand.OK);
  }

  @Test
  void theArchiveWritesLinkedFiles_andAMissingFileShows() throws IOException {
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> ArchiveVerifier.archiveFiles(archive).size() >= 4);
    Path copy = Files.createDirectories(dir.resolve("archive-copy"));
    List<Path> files = ArchiveVerifier.archiveFiles(archive);
    for (Path file : files) {
      Files.copy(file, copy.resolve(file.getFileName()));
    }

    assertThat(verify(copy.toString())).isEqualTo(AuditCommand.OK);
    Files.delete(copy.resolve(files.get(1).getFileName()));
    assertThat(verify(copy.toString())).isEqualTo(AuditCommand.FAILED);
  }

  // ---- helpers ----

  private String create(String tenant, String accessLevel, String resourceType) {
    return create(tenant, accessLevel, resourceType, "RESOURCE");
  }

  private String create(String tenant, String accessLevel, String resourceType, String scope) {
    String body =
        """
        {"supportTicketId":"SR-77","tenantId":"%s","subscriptionId":"%s-prod","resourceType":"%s",
         "resourceId":"res-1","accessLevel":"%s","justification":"Audit trail integration test",
         "resourceScope":"%s"}"""
            .formatted(tenant, tenant, resourceType, accessLevel, scope);
    Response created = lockbox.postJson(ENGINEER, "/api/lockbox-requests", body);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.text("id");
  }

  private void decide(String user, String id, String decision, String comment) {
    Response response =
        lockbox.postJson(
            user,
            "/api/lockbox-requests/" + id + "/" + decision,
            "{\"comment\":\"" + comment + "\"}");
    assertThat(response.status()).as(response.body()).isEqualTo(200);
  }

  private void awaitStatus(String path, String status) {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                status.equals(
                    lockbox
                        .get("auditor", "/api/lockbox-requests/" + ids.get(path))
                        .text("status")));
  }

  private List<org.assertj.core.groups.Tuple> trail(String path) {
    Response response = lockbox.get("auditor", "/api/lockbox-requests/" + ids.get(path) + "/audit");
    assertThat(response.status()).isEqualTo(200);
    List<org.assertj.core.groups.Tuple> events = new ArrayList<>();
    response
        .json()
        .forEach(
            e -> {
              assertThat(e.path("requestId").asString()).isEqualTo(ids.get(path));
              events.add(
                  tuple(
                      e.path("action").asString(),
                      e.path("actor").asString(),
                      e.path("channel").asString()));
            });
    return events;
  }

  private JsonNode events(String user, String query) {
    Response response = lockbox.get(user, "/api/audit/events?size=1000&from=" + testStart + query);
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return response.json();
  }

  private static List<String> tenantsIn(JsonNode page) {
    List<String> tenants = new ArrayList<>();
    page.path("items").forEach(e -> tenants.add(e.path("tenantId").asString()));
    assertThat(tenants).isNotEmpty();
    return tenants;
  }

  private Response csv(String user, String path) {
    return lockbox.send(
        user,
        HttpRequest.newBuilder(URI.create(lockbox.baseUrl() + path))
            .header("Accept", "text/csv")
            .GET());
  }

  private Path download(String user, String query) throws IOException {
    Response response =
        lockbox.get(
            user,
            "/api/audit/export?from=" + testStart + "&to=" + Instant.now().plusSeconds(60) + query);
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    assertThat(response.header("Content-Type")).startsWith("application/x-ndjson");
    Path file = Files.createTempFile(dir, "export-", ".ndjson");
    Files.writeString(file, response.body());
    return file;
  }

  private static int verify(String... args) {
    String[] all = new String[args.length + 1];
    all[0] = "verify";
    System.arraycopy(args, 0, all, 1, args.length);
    return new AuditCommand(System.out, System.err).run(all);
  }

  private static String privateKeyPem() throws Exception {
    byte[] der =
        KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPrivate().getEncoded();
    return "-----BEGIN PRIVATE KEY-----\n"
        + Base64.getMimeEncoder().encodeToString(der)
        + "\n-----END PRIVATE KEY-----\n";
  }
}
