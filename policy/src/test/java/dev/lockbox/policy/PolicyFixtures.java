package dev.lockbox.policy;

import dev.lockbox.directory.DirectoryTenant;
import dev.lockbox.directory.DirectoryUser;
import dev.lockbox.directory.Role;
import dev.lockbox.directory.SupportPlan;
import dev.lockbox.workflows.model.LockboxRequest;
import dev.lockbox.workflows.model.ResourceScope;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

final class PolicyFixtures {

  static final DirectoryTenant CONTOSO =
      new DirectoryTenant(
          "contoso",
          "Contoso",
          List.of("contoso-prod"),
          true,
          SupportPlan.PROFESSIONAL_DIRECT,
          true,
          List.of());
  static final DirectoryTenant FABRIKAM =
      new DirectoryTenant(
          "fabrikam",
          "Fabrikam",
          List.of("fabrikam-prod"),
          true,
          SupportPlan.DEVELOPER,
          false,
          List.of());

  private PolicyFixtures() {}

  static Policy shipped() {
    return shipped(TenantWithoutLockbox.GRANT_WITHOUT_LOCKBOX);
  }

  static Policy shipped(TenantWithoutLockbox tenantWithoutLockbox) {
    try (var in = PolicyFixtures.class.getResourceAsStream("/lockbox-policy.yml")) {
      return PolicyFileParser.parse(
          new String(in.readAllBytes(), StandardCharsets.UTF_8),
          "lockbox-policy.yml",
          tenantWithoutLockbox);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Optional<DirectoryUser> engineer(boolean isolated, boolean mfa) {
    return Optional.of(
        new DirectoryUser(
            "eng",
            "Eng",
            "eng@x",
            "{noop}eng",
            Set.of(Role.ENGINEER),
            List.of(),
            List.of(),
            mfa,
            isolated));
  }

  static LockboxRequest request(
      String resourceType, String accessLevel, ResourceScope scope, String tenant) {
    return new LockboxRequest(
        "r1",
        "eng",
        "SR-1",
        tenant,
        tenant + "-prod",
        resourceType,
        "res-1",
        accessLevel,
        "a justification",
        Duration.ofDays(4),
        Duration.ofHours(8),
        scope,
        false,
        null,
        Duration.ofHours(24),
        null);
  }
}
