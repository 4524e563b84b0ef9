package dev.lockbox.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

class RequestSummaryRepositoryTest {

  private static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");

  private RequestSummaryRepository repository;

  @BeforeEach
  void migrate() {
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    Flyway.configure().dataSource(dataSource).load().migrate();
    repository = new RequestSummaryRepository(JdbcClient.create(dataSource));
  }

  @Test
  void givenANewerVersion_whenSaved_itReplacesTheRow() {
    repository.save(summary("r1", 1, "EVALUATING", "contoso", 0));
    repository.save(summary("r1", 2, "PENDING", "contoso", 0));

    assertThat(repository.find("r1")).get().extracting(RequestSummary::status).isEqualTo("PENDING");
  }

  @Test
  void saveTellsWhetherItChangedTheTable_soStatusChangesAreCountedOnce() {
    assertThat(repository.save(summary("r1", 1, "EVALUATING", "contoso", 0))).isTrue();
    assertThat(repository.save(summary("r1", 2, "PENDING", "contoso", 0))).isTrue();
    assertThat(repository.save(summary("r1", 2, "PENDING", "contoso", 0))).isFalse();
    assertThat(repository.save(summary("r1", 1, "EVALUATING", "contoso", 0))).isFalse();
  }

  @Test
  void givenAnOlderOrRepeatedVersion_whenSaved_itIsIgnored() {
    repository.save(summary("r1", 3, "DENIED", "contoso", 0));
    repository.save(summary("r1", 2, "PENDING", "contoso", 0));
    repository.save(summary("r1", 3, "PENDING", "contoso", 0));

    assertThat(repository.find("r1")).get().extracting(RequestSummary::status).isEqualTo("DENIED");
  }

  @Test
  void aRepairOverwritesARowChangedAtTheSameVersion_andAddsAMissingOne() {
    repository.save(summary("r1", 2, "PENDING", "contoso", 0));
    RequestSummary tampered = summary("r1", 2, "DENIED", "fabrikam", 0);
    repository.repair(summary("r1", 2, "PENDING", "contoso", 0));
    repository.save(tampered);
    repository.repair(summary("r1", 2, "PENDING", "contoso", 0));
    repository.repair(summary("r2", 1, "EVALUATING", "contoso", 0));

    assertThat(repository.find("r1")).get().isEqualTo(summary("r1", 2, "PENDING", "contoso", 0));
    assertThat(repository.find("r2"))
        .get()
        .extracting(RequestSummary::status)
        .isEqualTo("EVALUATING");
  }

  @Test
  void theBreakGlassFlagIsKept() {
    RequestSummary normal = summary("r1", 1, "ACCESS_GRANTED", "contoso", 0);
    repository.save(withEnd(normal, null));
    repository.save(breakGlass(summary("r2", 1, "ACCESS_GRANTED", "contoso", 0)));

    assertThat(repository.find("r1")).get().extracting(RequestSummary::breakGlass).isEqualTo(false);
    assertThat(repository.find("r2")).get().extracting(RequestSummary::breakGlass).isEqualTo(true);
  }

  @Test
  void aRepairNeverMovesARowBackwards() {
    repository.save(summary("r1", 3, "DENIED", "contoso", 0));
    repository.repair(summary("r1", 2, "PENDING", "contoso", 0));

    assertThat(repository.find("r1")).get().extracting(RequestSummary::status).isEqualTo("DENIED");
  }

  @Test
  void everyRowComesInRequestIdOrderPageByPage() {
    repository.save(summary("b", 1, "PENDING", "contoso", 0));
    repository.save(summary("a", 1, "PENDING", "contoso", 60));
    repository.save(summary("c", 1, "PENDING", "fabrikam", 120));

    assertThat(repository.byRequestId(null, 2))
        .extracting(RequestSummary::requestId)
        .containsExactly("a", "b");
    assertThat(repository.byRequestId("b", 2))
        .extracting(RequestSummary::requestId)
        .containsExactly("c");
  }

  @Test
  void listingsFilterByStatusAndTenantNewestFirstWithPages() {
    repository.save(summary("old", 3, "DENIED", "contoso", 0));
    repository.save(summary("new", 3, "DENIED", "contoso", 60));
    repository.save(summary("waiting", 2, "PENDING", "contoso", 120));
    repository.save(summary("other", 3, "DENIED", "fabrikam", 180));

    SummaryPage first = repository.find(new SummaryQuery("DENIED", null, "contoso", null, 0, 1));
    SummaryPage second = repository.find(new SummaryQuery("DENIED", null, "contoso", null, 1, 1));

    assertThat(first.total()).isEqualTo(2);
    assertThat(first.items()).extracting(RequestSummary::requestId).containsExactly("new");
    assertThat(second.items()).extracting(RequestSummary::requestId).containsExactly("old");
  }

  @Test
  void pendingListingsComeSoonestExpiryFirst_soThePagesEndWithTheLatestToExpire() {
    repository.save(expiring("later", 0, 7200));
    repository.save(expiring("soonest", 60, 600));
    repository.save(expiring("middle", 120, 3600));

    SummaryPage first = repository.find(new SummaryQuery("PENDING", null, null, null, 0, 2));
    SummaryPage last = repository.find(new SummaryQuery("PENDING", null, null, null, 1, 2));

    assertThat(first.items())
        .extracting(RequestSummary::requestId)
        .containsExactly("soonest", "middle");
    assertThat(last.items()).extracting(RequestSummary::requestId).containsExactly("later");
    assertThat(last.total()).isEqualTo(3);
  }

  @Test
  void anEmptyTenantRestrictionMatchesNothing() {
    repository.save(summary("r1", 2, "PENDING", "contoso", 0));

    assertThat(repository.find(new SummaryQuery(null, Set.of(), null, null, 0, 10)).total())
        .isZero();
    assertThat(
            repository.find(new SummaryQuery(null, Set.of("contoso"), null, null, 0, 10)).total())
        .isEqualTo(1);
  }

  @Test
  void timestampsRoundTripInUtc() {
    repository.save(summary("r1", 1, "EVALUATING", "contoso", 42));

    assertThat(repository.find("r1"))
        .get()
        .extracting(RequestSummary::createdAt)
        .isEqualTo(T0.plusSeconds(42));
  }

  @Test
  void createdBetweenPagesThroughARangeInCreationOrderByKeyset() {
    repository.save(summary("before", 2, "PENDING", "contoso", -1));
    repository.save(summary("b", 2, "PENDING", "contoso", 0));
    repository.save(summary("a", 2, "PENDING", "contoso", 0));
    repository.save(summary("c", 2, "PENDING", "fabrikam", 30));
    repository.save(summary("at-to", 2, "PENDING", "contoso", 60));
    Instant to = T0.plusSeconds(60);

    var first = repository.createdBetween(T0, to, null, null, 2);
    var rest = repository.createdBetween(T0, to, null, first.get(1), 2);

    assertThat(first).extracting(RequestKey::requestId).containsExactly("a", "b");
    assertThat(rest).extracting(RequestKey::requestId).containsExactly("c");
    assertThat(repository.createdBetween(T0, to, Set.of("fabrikam"), null, 10))
        .extracting(RequestKey::requestId)
        .containsExactly("c");
    assertThat(repository.createdBetween(T0, to, Set.of(), null, 10)).isEmpty();
  }

  @Test
  void activeBetweenFindsOpenRequestsAndThoseThatLastActedInTheRange() {
    Set<String> finals = Set.of("DENIED", "COMPLETED", "REJECTED");
    repository.save(summary("open-old", 2, "PENDING", "contoso", -7200));
    repository.save(
        withEnd(summary("closed-early", 3, "DENIED", "contoso", -7200), T0.minusSeconds(3600)));
    repository.save(
        withEnd(summary("closed-in-range", 3, "DENIED", "contoso", -7200), T0.plusSeconds(10)));
    repository.save(summary("rejected-in-range", 3, "REJECTED", "contoso", 20));
    repository.save(summary("created-after", 2, "PENDING", "contoso", 7200));

    var active = repository.activeBetween(T0, T0.plusSeconds(3600), null, null, finals, null, 10);

    assertThat(active)
        .extracting(RequestKey::requestId)
        .containsExactly("closed-in-range", "open-old", "rejected-in-range");
    assertThat(
            repository.activeBetween(
                T0, T0.plusSeconds(3600), null, "fabrikam-prod", finals, null, 10))
        .isEmpty();
  }

  private static RequestSummary withEnd(RequestSummary s, Instant decidedAt) {
    return row(s, s.expiresAt(), decidedAt, s.breakGlass());
  }

  private static RequestSummary breakGlass(RequestSummary s) {
    return row(s, s.expiresAt(), s.decidedAt(), true);
  }

  private static RequestSummary expiring(String id, long createdAfterT0, long expiresAfterT0) {
    RequestSummary s = summary(id, 2, "PENDING", "contoso", createdAfterT0);
    return row(s, T0.plusSeconds(expiresAfterT0), null, false);
  }

  /** A row of one engineer's request on one VM, created some seconds after T0, open for an hour. */
  private static RequestSummary summary(
      String id, long version, String status, String tenant, long secondsAfterT0) {
    Instant created = T0.plusSeconds(secondsAfterT0);
    return new RequestSummary(
        id,
        version,
        status,
        tenant,
        tenant + "-prod",
        "engineer1",
        "VirtualMachine",
        "vm-1",
        "RemoteDesktop",
        "SR-1",
        created,
        created.plusSeconds(3600),
        null,
        null,
        null,
        false);
  }

  /** {@code s} with another expiry, decision time and break-glass flag (never granted). */
  private static RequestSummary row(
      RequestSummary s, Instant expiresAt, Instant decidedAt, boolean breakGlass) {
    return new RequestSummary(
        s.requestId(),
        s.version(),
        s.status(),
        s.tenantId(),
        s.subscriptionId(),
        s.requester(),
        s.resourceType(),
        s.resourceId(),
        s.accessLevel(),
        s.supportTicketId(),
        s.createdAt(),
        expiresAt,
        decidedAt,
        null,
        null,
        breakGlass);
  }
}
