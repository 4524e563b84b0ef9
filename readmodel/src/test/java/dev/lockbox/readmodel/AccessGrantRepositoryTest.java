package dev.lockbox.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lockbox.readmodel.AccessGrantRepository.StoredGrant;
import dev.lockbox.workflows.activities.AccessGrant;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

class AccessGrantRepositoryTest {

  private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

  private JdbcClient jdbc;

  @BeforeEach
  void migrate() {
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    Flyway.configure().dataSource(dataSource).load().migrate();
    jdbc = JdbcClient.create(dataSource);
  }

  @Test
  void aGrantEndsAtItsOwnExpiryEvenWhenNobodyRevokesIt() {
    at(NOW).grant(grant("r1", "vm-1", NOW.plusSeconds(60)));

    assertThat(at(NOW).isLive("r1")).isTrue();
    assertThat(at(NOW).liveGrant("engineer1", "vm-1")).isPresent();
    assertThat(at(NOW.plusSeconds(60)).isLive("r1")).isFalse();
    assertThat(at(NOW.plusSeconds(61)).liveGrant("engineer1", "vm-1")).isEmpty();
    assertThat(at(NOW.plusSeconds(61)).countLive()).isZero();
  }

  @Test
  void grantAndRevokeAreIdempotentByRequestId() {
    assertThat(at(NOW).grant(grant("r1", "vm-1", NOW.plusSeconds(60)))).isTrue();
    assertThat(at(NOW).grant(grant("r1", "vm-1", NOW.plusSeconds(600)))).isFalse();

    assertThat(at(NOW).liveGrants())
        .singleElement()
        .extracting(StoredGrant::expiresAt)
        .isEqualTo(NOW.plusSeconds(60));
    assertThat(at(NOW).revoke("r1")).isTrue();
    assertThat(at(NOW).revoke("r1")).isFalse();
    assertThat(at(NOW).revoke("never-granted")).isFalse();
    assertThat(at(NOW).liveGrants()).isEmpty();
  }

  @Test
  void aGrantRetriedAfterItsRevokeDoesNotOpenAccessAgain() {
    at(NOW).grant(grant("r1", "vm-1", NOW.plusSeconds(60)));
    at(NOW).revoke("r1");

    at(NOW).grant(grant("r1", "vm-1", NOW.plusSeconds(60)));

    assertThat(at(NOW).isLive("r1")).isFalse();
  }

  @Test
  void aGrantArrivingAfterTheRevokeOfItsRequestOpensNothing() {
    at(NOW).revoke("r1"); // the workflow was cancelled while its grant was still in flight

    assertThat(at(NOW).grant(grant("r1", "vm-1", NOW.plusSeconds(60)))).isFalse();

    assertThat(at(NOW).isLive("r1")).isFalse();
    assertThat(at(NOW).liveGrant("engineer1", "vm-1")).isEmpty();
  }

  @Test
  void revokingOneOfTwoOverlappingRequestsLeavesTheOtherAllowedUntilItsOwnEnd() {
    at(NOW).grant(grant("r1", "vm-1", NOW.plusSeconds(60)));
    at(NOW).grant(grant("r2", "vm-1", NOW.plusSeconds(30)));

    at(NOW).revoke("r1");

    assertThat(at(NOW).liveGrant("engineer1", "vm-1"))
        .get()
        .extracting(StoredGrant::requestId)
        .isEqualTo("r2");
    assertThat(at(NOW.plusSeconds(31)).liveGrant("engineer1", "vm-1")).isEmpty();
  }

  @Test
  void aGrantIsForItsPrincipalAndResourceOnly() {
    at(NOW).grant(grant("r1", "vm-1", NOW.plusSeconds(60)));

    assertThat(at(NOW).liveGrant("engineer2", "vm-1")).isEmpty();
    assertThat(at(NOW).liveGrant("engineer1", "vm-2")).isEmpty();
  }

  private AccessGrantRepository at(Instant now) {
    return new AccessGrantRepository(jdbc, Clock.fixed(now, ZoneOffset.UTC));
  }

  private static AccessGrant grant(String id, String resourceId, Instant expiresAt) {
    return new AccessGrant(
        id,
        "engineer1",
        "contoso",
        "contoso-prod",
        "VirtualMachine",
        resourceId,
        "RemoteDesktop",
        expiresAt);
  }
}
