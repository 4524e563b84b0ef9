package dev.lockbox.policy;

import dev.lockbox.directory.DirectoryTenant;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The services and scenarios Lockbox supports, and the ones it explicitly does not. */
public final class Catalogue {

  private final Map<String, Service> services;
  private final Map<String, UnsupportedService> unsupported;

  Catalogue(Map<String, Service> services, Map<String, UnsupportedService> unsupported) {
    this.services = Map.copyOf(services);
    this.unsupported = Map.copyOf(unsupported);
  }

  public Optional<Service> service(String resourceType) {
    return Optional.ofNullable(services.get(resourceType));
  }

  public Optional<Scenario> scenario(String resourceType, String accessLevel) {
    return service(resourceType).flatMap(s -> s.scenario(accessLevel));
  }

  /**
   * Why this request cannot go through Lockbox at all, in words that tell the engineer what to do;
   * empty when the service and scenario are supported for this tenant.
   */
  public Optional<String> problemWith(
      String resourceType, String accessLevel, DirectoryTenant tenant) {
    UnsupportedService refused = unsupported.get(resourceType);
    if (refused != null) {
      return Optional.of(refused.reason() + "; " + refused.advice() + ".");
    }
    Service service = services.get(resourceType);
    if (service == null) {
      return Optional.of(
          "Lockbox does not know resource type "
              + resourceType
              + "; supported types are "
              + services.keySet().stream().sorted().collect(Collectors.joining(", "))
              + ".");
    }
    if (service.scenario(accessLevel).isEmpty()) {
      return Optional.of(
          "Lockbox does not cover "
              + accessLevel
              + " on "
              + resourceType
              + "; use one of "
              + service.scenarios().stream()
                  .map(Scenario::accessLevel)
                  .collect(Collectors.joining(", "))
              + ".");
    }
    if (service.availability() == Availability.PREVIEW && !tenant.previewOptIn()) {
      return Optional.of(
          service.description()
              + " is in preview and tenant "
              + tenant.id()
              + " has not opted into preview services; the customer can opt in, or use a generally"
              + " available scenario.");
    }
    return Optional.empty();
  }
}
