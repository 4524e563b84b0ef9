package dev.lockbox.activities.notify;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Notification settings ({@code lockbox.notifications.*}).
 *
 * @param portalBaseUrl the address approvers open; links in emails start with it
 */
@ConfigurationProperties("lockbox.notifications")
public record NotificationSettings(@DefaultValue("http://localhost:8080") String portalBaseUrl) {}
