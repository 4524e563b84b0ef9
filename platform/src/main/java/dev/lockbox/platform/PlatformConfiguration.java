package dev.lockbox.platform;

import dev.lockbox.platform.directory.DirectoryConfiguration;
import dev.lockbox.platform.links.LinkConfiguration;
import dev.lockbox.platform.temporal.TemporalConnectionConfiguration;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** What every Lockbox process needs: Temporal, the directory, approval links and a clock. */
@Configuration(proxyBeanMethods = false)
@Import({TemporalConnectionConfiguration.class, DirectoryConfiguration.class, LinkConfiguration.class})
public class PlatformConfiguration {

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }
}
