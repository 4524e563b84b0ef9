package dev.lockbox.policy;

import java.util.List;
import java.util.Optional;

/** A supported service (by resource type) and the scenarios Lockbox covers for it. */
public record Service(
    String resourceType, String description, Availability availability, List<Scenario> scenarios) {

  public Service {
    scenarios = List.copyOf(scenarios);
  }

  public Optional<Scenario> scenario(String accessLevel) {
    return scenarios.stream().filter(s -> s.accessLevel().equals(accessLevel)).findFirst();
  }
}
