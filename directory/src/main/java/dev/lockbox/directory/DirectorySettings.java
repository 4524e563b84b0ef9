package dev.lockbox.directory;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The directory as configuration ({@code lockbox.directory.*}). The embedded default ships a demo
 * directory; a deployment points {@code spring.config.import} at its own file.
 */
@ConfigurationProperties("lockbox.directory")
public record DirectorySettings(
    @DefaultValue List<DirectoryTenant> tenants, @DefaultValue List<DirectoryUser> users) {}
