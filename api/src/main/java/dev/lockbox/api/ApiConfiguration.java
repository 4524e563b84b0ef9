package dev.lockbox.api;

import dev.lockbox.directory.DirectoryConfiguration;
import dev.lockbox.links.LinkConfiguration;
import dev.lockbox.platform.PlatformConfiguration;
import dev.lockbox.policy.PolicyConfiguration;
import dev.lockbox.readmodel.ReadModelConfiguration;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;

/** Everything the api process serves. The embedded default imports it beside the worker. */
@Configuration(proxyBeanMethods = false)
@Import({
  PlatformConfiguration.class,
  DirectoryConfiguration.class,
  LinkConfiguration.class,
  ReadModelConfiguration.class,
  PolicyConfiguration.class
})
@EnableConfigurationProperties(LockboxSettings.class)
@ComponentScan(
    excludeFilters =
        @ComponentScan.Filter(
            type = FilterType.ANNOTATION,
            classes = SpringBootConfiguration.class))
public class ApiConfiguration {}
