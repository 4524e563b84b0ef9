package dev.lockbox.activities;

import dev.lockbox.activities.access.AccessActivitiesImpl;
import dev.lockbox.activities.access.AccessLedger;
import dev.lockbox.activities.directory.DirectoryActivitiesImpl;
import dev.lockbox.activities.metrics.LockboxMetrics;
import dev.lockbox.activities.notify.DevOutbox;
import dev.lockbox.activities.notify.NotificationSettings;
import dev.lockbox.activities.notify.OutboxNotificationActivities;
import dev.lockbox.activities.policy.PolicyActivitiesImpl;
import dev.lockbox.activities.readmodel.ReadModelActivitiesImpl;
import dev.lockbox.platform.directory.Directory;
import dev.lockbox.policy.Policy;
import dev.lockbox.policy.PolicyConfiguration;
import dev.lockbox.readmodel.RequestSummaryRepository;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** The activity implementations the worker registers. */
@Configuration(proxyBeanMethods = false)
@Import(PolicyConfiguration.class)
@EnableConfigurationProperties(NotificationSettings.class)
public class ActivitiesConfiguration {

  @Bean
  PolicyActivitiesImpl policyActivities(Policy policy, Directory directory) {
    return new PolicyActivitiesImpl(policy, directory);
  }

  @Bean
  DirectoryActivitiesImpl directoryActivities(Directory directory) {
    return new DirectoryActivitiesImpl(directory);
  }

  @Bean
  DevOutbox devOutbox() {
    return new DevOutbox();
  }

  @Bean
  OutboxNotificationActivities notificationActivities(
      DevOutbox outbox, Directory directory, NotificationSettings settings, Clock clock) {
    return new OutboxNotificationActivities(outbox, directory, settings, clock);
  }

  @Bean
  AccessLedger accessLedger(Clock clock) {
    return new AccessLedger(clock);
  }

  @Bean
  AccessActivitiesImpl accessActivities(AccessLedger ledger) {
    return new AccessActivitiesImpl(ledger);
  }

  /** Counts into the application's registry (actuator); a private one where there is none. */
  @Bean
  LockboxMetrics lockboxMetrics(ObjectProvider<MeterRegistry> registry, AccessLedger ledger) {
    return new LockboxMetrics(registry.getIfAvailable(SimpleMeterRegistry::new), ledger);
  }

  @Bean
  ReadModelActivitiesImpl readModelActivities(
      RequestSummaryRepository repository, LockboxMetrics metrics) {
    return new ReadModelActivitiesImpl(repository, metrics);
  }
}
