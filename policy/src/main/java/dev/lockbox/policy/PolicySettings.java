package dev.lockbox.policy;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;

/**
 * Where the rules live and what to do for tenants without Customer Lockbox ({@code
 * lockbox.policy.*}).
 */
@ConfigurationProperties("lockbox.policy")
public record PolicySettings(
    @DefaultValue("classpath:lockbox-policy.yml") Resource rulesFile,
    @DefaultValue("GRANT_WITHOUT_LOCKBOX") TenantWithoutLockbox tenantWithoutLockbox) {}
