package dev.lockbox.readmodel;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

@Configuration(proxyBeanMethods = false)
public class ReadModelConfiguration {

  @Bean
  RequestSummaryRepository requestSummaryRepository(JdbcClient jdbc) {
    return new RequestSummaryRepository(jdbc);
  }

  @Bean
  AccessGrantRepository accessGrantRepository(JdbcClient jdbc, Clock clock) {
    return new AccessGrantRepository(jdbc, clock);
  }
}
