package dev.lockbox.directory;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Looks up users, tenants and who may approve for a tenant. */
public class Directory {

  private final Map<String, DirectoryUser> users;
  private final Map<String, DirectoryTenant> tenants;

  public Directory(DirectorySettings settings) {
    users = index(settings.users(), DirectoryUser::id);
    tenants = index(settings.tenants(), DirectoryTenant::id);
  }

  public Optional<DirectoryUser> user(String id) {
    return Optional.ofNullable(users.get(id));
  }

  public List<DirectoryUser> users() {
    return List.copyOf(users.values());
  }

  public Optional<DirectoryTenant> tenant(String id) {
    return Optional.ofNullable(tenants.get(id));
  }

  /** The designated approvers of a subscription: its tenant's approvers, in a stable order. */
  public List<DirectoryUser> approversOf(String tenantId, String subscriptionId) {
    boolean known = tenant(tenantId).map(t -> t.owns(subscriptionId)).orElse(false);
    if (!known) {
      return List.of();
    }
    return users.values().stream()
        .filter(u -> u.approves(tenantId))
        .sorted(java.util.Comparator.comparing(DirectoryUser::id))
        .toList();
  }

  /**
   * The subscription's approval levels in order: one approval by any designated approver unless the
   * tenant configures levels; a level that names approvers takes those of them who are the tenant's
   * approvers. Empty for a subscription the tenant does not own.
   */
  public List<ApprovalLevelOfTenant> approvalLevelsOf(String tenantId, String subscriptionId) {
    List<DirectoryUser> approvers = approversOf(tenantId, subscriptionId);
    if (approvers.isEmpty()) {
      return List.of();
    }
    List<ApprovalLevelSetting> levels = tenants.get(tenantId).approvalLevels();
    if (levels.isEmpty()) {
      return List.of(new ApprovalLevelOfTenant(1, approvers));
    }
    return levels.stream()
        .map(
            level ->
                new ApprovalLevelOfTenant(
                    level.approvals(),
                    level.approvers().isEmpty()
                        ? approvers
                        : approvers.stream()
                            .filter(a -> level.approvers().contains(a.id()))
                            .toList()))
        .toList();
  }

  /** Everyone who holds an internal approval role, in a stable order. */
  public List<DirectoryUser> holdersOf(String internalRole) {
    return users.values().stream()
        .filter(u -> u.holdsInternalRole(internalRole))
        .sorted(java.util.Comparator.comparing(DirectoryUser::id))
        .toList();
  }

  private static <T> Map<String, T> index(List<T> items, Function<T, String> id) {
    return items.stream()
        .collect(
            Collectors.toMap(
                id,
                Function.identity(),
                (a, b) -> {
                  throw new IllegalStateException("directory lists " + id.apply(a) + " twice");
                },
                java.util.LinkedHashMap::new));
  }
}
