package dev.lockbox.activities;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lockbox.activities.access.AccessLedger;
import dev.lockbox.workflows.activities.AccessGrant;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class AccessLedgerTest {

  private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

  @Test
  void aGrantEndsAtItsOwnExpiryEvenWhenNobodyRevokesIt() {
    AccessLedger before = ledgerAt(NOW);
    before.grant(grant("r1", NOW.plusSeconds(60)));
    assertThat(before.isActive("r1")).isTrue();

    AccessLedger after = ledgerAt(NOW.plusSeconds(61));
    after.grant(grant("r1", NOW.plusSeconds(60)));
    assertThat(after.isActive("r1")).isFalse();
  }

  @Test
  void grantAndRevokeAreIdempotent() {
    AccessLedger ledger = ledgerAt(NOW);
    ledger.grant(grant("r1", NOW.plusSeconds(60)));
    ledger.grant(grant("r1", NOW.plusSeconds(600)));

    assertThat(ledger.active())
        .singleElement()
        .satisfies(g -> assertThat(g.expiresAt()).isEqualTo(NOW.plusSeconds(60)));
    ledger.revoke("r1");
    ledger.revoke("r1");
    assertThat(ledger.active()).isEmpty();
  }

  private static AccessLedger ledgerAt(Instant now) {
    return new AccessLedger(Clock.fixed(now, ZoneOffset.UTC));
  }

  private static AccessGrant grant(String id, Instant expiresAt) {
    return new AccessGrant(
        id,
        "engineer1",
        "contoso",
        "contoso-prod",
        "VirtualMachine",
        "vm-1",
        "RemoteDesktop",
        expiresAt);
  }
}
