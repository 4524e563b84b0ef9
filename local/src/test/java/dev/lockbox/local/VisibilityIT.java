package dev.lockbox.local;

import static dev.lockbox.local.LockboxRequests.create;
import static dev.lockbox.local.LockboxRequests.decide;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.lockbox.readmodel.RequestSummary;
import dev.lockbox.readmodel.RequestSummaryRepository;
import dev.lockbox.workflows.LockboxNames;
import io.temporal.client.WorkflowClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Temporal's visibility ({@code ListWorkflowExecutions}, {@code CountWorkflowExecutions}) with
 * Lockbox's search attributes finds the same requests as the read model, here on PostgreSQL. Only a
 * real server answers these queries: the Java test server has no SQL-like visibility.
 */
@Timeout(240)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VisibilityIT {

  private RunningLockbox lockbox;

  @BeforeAll
  void requestsOfEveryKind() {
    lockbox = RunningLockbox.onPostgres();
    ServerReport.record("VisibilityIT read model", "PostgreSQL " + TestPostgres.version());
    LockboxHttp http = lockbox.http();
    create(http, "engineer1", LockboxApiIT.DEMO, "PENDING");
    create(http, "engineer1", LockboxRequests.STORAGE_FOR_A_SUBSCRIPTION, "INTERNAL_REVIEW");
    decide(
        http, "contoso-owner", create(http, "engineer2", LockboxApiIT.DEMO, "PENDING"), "approve");
    decide(
        http,
        "fabrikam-owner",
        create(http, "engineer1", LockboxRequests.FABRIKAM_VM, "PENDING"),
        "deny");
    create(http, "oncall1", LockboxRequests.BREAK_GLASS, "ACCESS_GRANTED");
  }

  @AfterAll
  void stop() {
    lockbox.close();
  }

  /** Every migration in the repository, in order: each must have run on PostgreSQL. */
  private static List<String> migrationVersions() {
    try (Stream<Path> files =
        Files.list(RepositoryFiles.root().resolve("readmodel/src/main/resources/db/migration"))) {
      return files
          .map(f -> f.getFileName().toString().replaceFirst("^V(\\d+)__.*", "$1"))
          .sorted(Comparator.comparingInt(Integer::parseInt))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @org.junit.jupiter.api.Test
  void theReadModelIsOnPostgresql_migratedByFlyway() {
    JdbcClient db = lockbox.bean(JdbcClient.class);

    assertThat(db.sql("SELECT version()").query(String.class).single()).startsWith("PostgreSQL");
    assertThat(
            db.sql(
                    "SELECT version FROM flyway_schema_history WHERE success ORDER BY installed_rank")
                .query(String.class)
                .list())
        .containsExactlyElementsOf(migrationVersions());
    assertThat(
            db.sql("SELECT COUNT(*) FROM request_summary WHERE break_glass")
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }

  static Stream<Arguments> filters() {
    return Stream.of(
        filter("LockboxStatus = 'PENDING'", row -> row.status().equals("PENDING")),
        filter("LockboxStatus = 'ACCESS_GRANTED'", row -> row.status().equals("ACCESS_GRANTED")),
        filter("TenantId = 'fabrikam'", row -> row.tenantId().equals("fabrikam")),
        filter("Requester = 'engineer2'", row -> row.requester().equals("engineer2")),
        filter("BreakGlass = true", RequestSummary::breakGlass),
        filter(
            "TenantId = 'contoso' AND LockboxStatus IN ('PENDING', 'INTERNAL_REVIEW')",
            row ->
                row.tenantId().equals("contoso")
                    && Set.of("PENDING", "INTERNAL_REVIEW").contains(row.status())));
  }

  private static Arguments filter(String query, Predicate<RequestSummary> sameInTheReadModel) {
    return Arguments.of(query, sameInTheReadModel);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("filters")
  void listAndCountFindWhatTheReadModelHas(String query, Predicate<RequestSummary> rows) {
    Set<String> expected = readModel(rows);
    assertThat(expected).as("the read model has such requests").isNotEmpty();
    WorkflowClient client = lockbox.bean(WorkflowClient.class);
    String lockboxQuery = "WorkflowType = '" + LockboxNames.WORKFLOW_TYPE + "' AND " + query;

    // Visibility is updated a moment after the workflow: wait for it, never for the read model.
    await(query)
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              assertThat(listed(client, lockboxQuery)).isEqualTo(expected);
              assertThat(client.countWorkflows(lockboxQuery).getCount()).isEqualTo(expected.size());
            });
  }

  private Set<String> readModel(Predicate<RequestSummary> rows) {
    return lockbox.bean(RequestSummaryRepository.class).byRequestId(null, 1000).stream()
        .filter(rows)
        .map(RequestSummary::requestId)
        .collect(Collectors.toSet());
  }

  private static Set<String> listed(WorkflowClient client, String query) {
    try (var executions = client.listExecutions(query)) {
      return executions
          .map(e -> LockboxNames.requestId(e.getExecution().getWorkflowId()))
          .collect(Collectors.toSet());
    }
  }
}
