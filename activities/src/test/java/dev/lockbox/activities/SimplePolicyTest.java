package dev.lockbox.activities;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lockbox.activities.policy.SimplePolicy;
import dev.lockbox.platform.directory.DirectoryUser;
import dev.lockbox.platform.directory.Role;
import dev.lockbox.workflows.model.JitOutcome;
import dev.lockbox.workflows.model.LockboxRequest;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SimplePolicyTest {

  private final SimplePolicy policy = new SimplePolicy();

  @Test
  void remoteDesktopToAVirtualMachineNeedsTheCustomerWithReasons() {
    var result = policy.evaluate(request("VirtualMachine", "RemoteDesktop"), engineer(true, false));

    assertThat(result.outcome()).isEqualTo(JitOutcome.REQUIRE_CUSTOMER_APPROVAL);
    assertThat(result.reasons())
        .containsExactly(
            "RemoteDesktop on a VirtualMachine reaches customer data",
            "the requester is not on an isolated identity");
  }

  @Test
  void readerAccessGrantsWithoutLockbox() {
    var result = policy.evaluate(request("VirtualMachine", "Reader"), engineer(true, false));

    assertThat(result.outcome()).isEqualTo(JitOutcome.GRANT_WITHOUT_LOCKBOX);
  }

  @Test
  void anEngineerWithoutMfaOrUnknownToTheDirectoryIsRejected() {
    assertThat(policy.evaluate(request("VirtualMachine", "RemoteDesktop"), engineer(false, true)).outcome())
        .isEqualTo(JitOutcome.REJECT);
    assertThat(policy.evaluate(request("VirtualMachine", "RemoteDesktop"), Optional.empty()).outcome())
        .isEqualTo(JitOutcome.REJECT);
  }

  @Test
  void anUnsupportedResourceTypeIsRejected() {
    var result = policy.evaluate(request("ClassicVirtualMachine", "RemoteDesktop"), engineer(true, true));

    assertThat(result.outcome()).isEqualTo(JitOutcome.REJECT);
    assertThat(result.reasons()).singleElement().asString().contains("ClassicVirtualMachine");
  }

  static LockboxRequest request(String resourceType, String accessLevel) {
    return new LockboxRequest(
        "r1", "engineer1", "SR-1", "contoso", "contoso-prod", resourceType, "res-1", accessLevel,
        "because", Duration.ofDays(4), Duration.ofHours(8),
        null, false, null, Duration.ofHours(24));
  }

  private static Optional<DirectoryUser> engineer(boolean mfa, boolean isolated) {
    return Optional.of(
        new DirectoryUser(
            "engineer1", "E", "e@x", "{noop}e", Set.of(Role.ENGINEER), List.of(), mfa, isolated));
  }
}
