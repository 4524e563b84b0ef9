package dev.lockbox.audit;

import dev.lockbox.audit.export.AuditExporter;
import dev.lockbox.audit.export.AuditSigningKey;
import dev.lockbox.readmodel.RequestSummaryRepository;
import io.temporal.client.WorkflowClient;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The signing key and the exporter, for the api, the worker's archive job and the command line. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AuditSettings.class)
public class AuditConfiguration {

  private static final Logger log = LoggerFactory.getLogger(AuditConfiguration.class);

  @Bean
  AuditSigningKey auditSigningKey(AuditSettings settings) throws IOException {
    if (settings.signingKeyFile() != null) {
      AuditSigningKey key = AuditSigningKey.fromPem(Files.readString(settings.signingKeyFile()));
      log.info(
          "Audit exports are signed with key {} from {}", key.keyId(), settings.signingKeyFile());
      return key;
    }
    AuditSigningKey key = AuditSigningKey.generate();
    log.warn(
        "Audit exports are signed with key {}, generated at start and lost at stop; set "
            + "lockbox.audit.signing-key-file to keep one key (required when api and worker run apart).",
        key.keyId());
    return key;
  }

  @Bean
  AuditExporter auditExporter(
      RequestSummaryRepository summaries, WorkflowClient client, AuditSigningKey key, Clock clock) {
    return new AuditExporter(summaries, HistorySource.temporal(client), key, clock);
  }
}
