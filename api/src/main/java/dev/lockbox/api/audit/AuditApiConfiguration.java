package dev.lockbox.api.audit;

import dev.lockbox.audit.AuditConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** Brings the audit module's key and exporter into the api (found by the api's component scan). */
@Configuration(proxyBeanMethods = false)
@Import(AuditConfiguration.class)
class AuditApiConfiguration {}
