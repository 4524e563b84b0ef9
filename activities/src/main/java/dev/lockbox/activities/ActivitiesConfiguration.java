package dev.lockbox.activities;

import dev.lockbox.activities.access.AccessActivitiesImpl;
import dev.lockbox.activities.access.AccessProvisioner;
import dev.lockbox.activities.access.AccessReconciler;
import dev.lockbox.activities.access.AccessReconcilerStarter;
import dev.lockbox.activities.access.AccessSettings;
import dev.lockbox.activities.access.BuiltInAccessProvisioner;
import dev.lockbox.activities.access.WebhookAccessProvisioner;
import dev.lockbox.activities.directory.DirectoryActivitiesImpl;
import dev.lockbox.activities.metrics.LockboxMetrics;
import dev.lockbox.activities.notify.DevOutbox;
import dev.lockbox.activities.notify.EmailNotificationActivities;
import dev.lockbox.activities.notify.EmailRenderer;
import dev.lockbox.activities.notify.Mailer;
import dev.lockbox.activities.notify.NotificationSettings;
import dev.lockbox.activities.notify.OutboxMailer;
import dev.lockbox.activities.notify.SendGridMailer;
import dev.lockbox.activities.notify.SendGridSettings;
import dev.lockbox.activities.policy.PolicyActivitiesImpl;
import dev.lockbox.activities.readmodel.ReadModelActivitiesImpl;
import dev.lockbox.directory.Directory;
import dev.lockbox.links.ApprovalLinkSigner;
import dev.lockbox.policy.Policy;
import dev.lockbox.policy.PolicyConfiguration;
import dev.lockbox.readmodel.AccessGrantRepository;
import dev.lockbox.readmodel.RequestSummaryRepository;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.temporal.client.WorkflowClient;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** The activity implementations the worker registers. */
@Configuration(proxyBeanMethods = false)
@Import(PolicyConfiguration.class)
@EnableConfigurationProperties({
  NotificationSettings.class,
  SendGridSettings.class,
  AccessSettings.class
})
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

  /** SendGrid when {@code SENDGRID_API_KEY} is set; otherwise the in-memory dev outbox. */
  @Bean
  Mailer mailer(SendGridSettings sendGrid, DevOutbox outbox, Clock clock) {
    return sendGrid.enabled() ? new SendGridMailer(sendGrid) : new OutboxMailer(outbox, clock);
  }

  @Bean
  EmailNotificationActivities notificationActivities(
      Mailer mailer,
      Directory directory,
      ApprovalLinkSigner signer,
      NotificationSettings settings,
      LockboxMetrics metrics) {
    return new EmailNotificationActivities(
        mailer, new EmailRenderer(), directory, signer, settings, metrics::emailFailed);
  }

  /** The built-in grants table unless {@code lockbox.access.provisioner=webhook}. */
  @Bean
  AccessProvisioner accessProvisioner(
      AccessSettings settings,
      AccessGrantRepository grants,
      RequestSummaryRepository summaries,
      Clock clock) {
    return settings.usesWebhook()
        ? new WebhookAccessProvisioner(settings.webhook(), summaries, clock)
        : new BuiltInAccessProvisioner(grants);
  }

  @Bean
  AccessActivitiesImpl accessActivities(AccessProvisioner provisioner, LockboxMetrics metrics) {
    return new AccessActivitiesImpl(provisioner, metrics::accessCallFailed);
  }

  @Bean
  AccessReconciler accessReconciler(
      AccessSettings settings,
      AccessGrantRepository grants,
      RequestSummaryRepository summaries,
      AccessProvisioner provisioner,
      WorkflowClient client,
      LockboxMetrics metrics) {
    return new AccessReconciler(settings, grants, summaries, provisioner, client, metrics);
  }

  @Bean
  AccessReconcilerStarter accessReconcilerStarter(WorkflowClient client, AccessSettings settings) {
    return new AccessReconcilerStarter(client, settings);
  }

  /** Counts into the application's registry (actuator); a private one where there is none. */
  @Bean
  LockboxMetrics lockboxMetrics(
      ObjectProvider<MeterRegistry> registry, AccessSettings access, AccessGrantRepository grants) {
    return new LockboxMetrics(
        registry.getIfAvailable(SimpleMeterRegistry::new),
        access.usesWebhook() ? () -> Double.NaN : grants::countLive);
  }

  @Bean
  ReadModelActivitiesImpl readModelActivities(
      RequestSummaryRepository repository, LockboxMetrics metrics) {
    return new ReadModelActivitiesImpl(repository, metrics);
  }
}
