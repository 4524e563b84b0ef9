package dev.lockbox.api;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The windows a new request gets ({@code lockbox.approval-window}, {@code lockbox.access-window}).
 * They are copied into each request when it starts, so a change only affects new requests.
 */
@ConfigurationProperties("lockbox")
public record LockboxSettings(
    @DefaultValue("P4D") Duration approvalWindow, @DefaultValue("PT8H") Duration accessWindow) {}
