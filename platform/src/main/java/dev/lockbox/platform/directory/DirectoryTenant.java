package dev.lockbox.platform.directory;

import java.util.List;

/** A customer tenant and the subscriptions it owns. */
public record DirectoryTenant(String id, String displayName, List<String> subscriptions) {

  public DirectoryTenant {
    subscriptions = subscriptions == null ? List.of() : List.copyOf(subscriptions);
  }

  public boolean owns(String subscriptionId) {
    return subscriptions.contains(subscriptionId);
  }
}
