package dev.lockbox.api.security;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Throttles one kind of attempt (password sign-in, bearer token, signed link) per client address
 * and per account. Every failure is logged at INFO naming the account and the client, and a lock at
 * WARN on the {@code dev.lockbox.security} logger; no credential is ever passed in here, so none
 * can be logged.
 */
public final class AttemptThrottle {

  private static final Logger audit = LoggerFactory.getLogger("dev.lockbox.security");
  private static final int LOGGED_NAME = 64;

  private final String what;
  private final Clock clock;
  private final FailureCounters accounts;
  private final FailureCounters clients;

  AttemptThrottle(String what, AttemptLimits limits, Clock clock) {
    this.what = what;
    this.clock = clock;
    this.accounts = new FailureCounters(limits.maxFailuresPerAccount(), limits.lockDuration());
    this.clients = new FailureCounters(limits.maxFailuresPerClient(), limits.lockDuration());
  }

  /** How long to wait before trying again, when the client or the account is locked. */
  public Optional<Duration> lockedFor(String client, String account) {
    Optional<Duration> byClient = clients.lockedFor(client, clock.instant());
    return byClient.isPresent() || account == null
        ? byClient
        : accounts.lockedFor(account, clock.instant());
  }

  public void failed(String client, String account) {
    String name = loggable(account);
    audit.info("{} failed: account={} client={}", what, name, client);
    if (clients.fail(client, clock.instant())) {
      audit.warn("{} locked for client={} after repeated failures", what, client);
    }
    if (account != null && accounts.fail(account, clock.instant())) {
      audit.warn("{} locked for account={} after repeated failures", what, name);
    }
  }

  public void succeeded(String account) {
    if (account != null) {
      accounts.reset(account);
    }
  }

  /** An account name as typed by anyone: one short line, no control characters. */
  static String loggable(String account) {
    if (account == null) {
      return "-";
    }
    String cut = account.length() > LOGGED_NAME ? account.substring(0, LOGGED_NAME) + "…" : account;
    return cut.codePoints()
        .map(c -> Character.isISOControl(c) || Character.getType(c) == Character.FORMAT ? '?' : c)
        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
        .toString();
  }
}
