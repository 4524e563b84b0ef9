package dev.lockbox.links;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of approval links ({@code lockbox.links.*}).
 *
 * @param signingKey the HMAC key that signs approval links ({@code LOCKBOX_LINKS_SIGNING_KEY}), at
 *     least 32 characters. The api (which checks links) and the worker (which signs them) must
 *     share it. Unset, each process makes a random key at start: right for the embedded default,
 *     where both run in one JVM, and wrong for separate processes.
 */
@ConfigurationProperties("lockbox.links")
public record LinkSettings(String signingKey) {}
