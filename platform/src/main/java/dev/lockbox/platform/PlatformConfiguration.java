package dev.lockbox.platform;

import dev.lockbox.platform.temporal.TemporalConnectionConfiguration;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** What every Lockbox process runs on: the connection to Temporal and a clock. */
@Configuration(proxyBeanMethods = false)
@Import(TemporalConnectionConfiguration.class)
public class PlatformConfiguration {

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }
}
