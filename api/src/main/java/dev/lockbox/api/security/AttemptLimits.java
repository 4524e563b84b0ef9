package dev.lockbox.api.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Abuse limits of sign-in and signed-link look-ups ({@code lockbox.security.attempts.*}).
 *
 * @param maxFailuresPerAccount failures in a row that lock an account (the correct password too)
 * @param maxFailuresPerClient failures from one client address, whatever the accounts, that lock
 *     that address; a success does not reset it, so one valid account cannot launder guesses
 * @param lockDuration how long a lock lasts ({@code Retry-After})
 */
@ConfigurationProperties("lockbox.security.attempts")
public record AttemptLimits(
    @DefaultValue("10") int maxFailuresPerAccount,
    @DefaultValue("50") int maxFailuresPerClient,
    @DefaultValue("PT5M") Duration lockDuration) {}
