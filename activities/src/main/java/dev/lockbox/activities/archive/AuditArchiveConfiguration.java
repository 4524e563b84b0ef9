package dev.lockbox.activities.archive;

import dev.lockbox.audit.AuditConfiguration;
import dev.lockbox.audit.AuditSettings;
import dev.lockbox.audit.export.AuditExporter;
import io.temporal.client.WorkflowClient;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** The worker's side of the audit archive: its activity and the job's starter. */
@Configuration(proxyBeanMethods = false)
@Import(AuditConfiguration.class)
public class AuditArchiveConfiguration {

  @Bean
  ArchiveActivitiesImpl archiveActivities(AuditExporter exporter, AuditSettings settings) {
    return new ArchiveActivitiesImpl(exporter, settings);
  }

  @Bean
  AuditArchiveStarter auditArchiveStarter(
      WorkflowClient client, AuditSettings settings, Clock clock) {
    return new AuditArchiveStarter(client, settings, clock);
  }
}
