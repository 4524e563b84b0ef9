package dev.lockbox.activities.policy;

import dev.lockbox.platform.directory.DirectoryUser;
import dev.lockbox.workflows.model.JitEvaluation;
import dev.lockbox.workflows.model.JitOutcome;
import dev.lockbox.workflows.model.LockboxRequest;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The first JIT policy: enough to reject, to grant without Lockbox and to require the customer.
 * Facts about the requester come from the directory, never from the request.
 */
public class SimplePolicy {

  /** Levels that show metadata and telemetry only, never customer data. */
  private static final Set<String> METADATA_LEVELS = Set.of("Reader", "MetadataRead");

  private static final Set<String> SUPPORTED_RESOURCE_TYPES =
      Set.of("VirtualMachine", "VirtualMachineScaleSet", "CloudService", "StorageAccount",
          "SqlDatabase", "DataExplorerCluster", "ManagedDisk");

  public JitEvaluation evaluate(LockboxRequest request, Optional<DirectoryUser> requester) {
    if (requester.isEmpty() || !requester.get().mfa()) {
      return reject("mfa-required", "the requester has not signed in with multi-factor authentication");
    }
    if (METADATA_LEVELS.contains(request.accessLevel())) {
      return new JitEvaluation(
          JitOutcome.GRANT_WITHOUT_LOCKBOX,
          "metadata-only",
          List.of(request.accessLevel() + " shows metadata and telemetry only, no customer data"));
    }
    if (!SUPPORTED_RESOURCE_TYPES.contains(request.resourceType())) {
      return reject(
          "unsupported-resource", request.resourceType() + " is not a service Lockbox supports");
    }
    return new JitEvaluation(
        JitOutcome.REQUIRE_CUSTOMER_APPROVAL,
        "customer-data",
        List.of(
            request.accessLevel() + " on a " + request.resourceType() + " reaches customer data",
            isolation(requester.get())));
  }

  private static String isolation(DirectoryUser requester) {
    return requester.isolatedIdentity()
        ? "the requester uses an isolated identity"
        : "the requester is not on an isolated identity";
  }

  private static JitEvaluation reject(String ruleId, String reason) {
    return new JitEvaluation(JitOutcome.REJECT, ruleId, List.of(reason));
  }
}
