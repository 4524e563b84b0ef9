package dev.lockbox.api.operations;

import dev.lockbox.api.requests.LockboxWorkflows;
import dev.lockbox.readmodel.RequestSummaryRepository;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The operator's read model check ({@code /actuator/readmodel}). */
@Configuration(proxyBeanMethods = false)
class OperationsConfiguration {

  @Bean
  ReadModelDoctor readModelDoctor(LockboxWorkflows workflows, RequestSummaryRepository summaries) {
    return new ReadModelDoctor(workflows, summaries, Clock.systemUTC());
  }

  @Bean
  ReadModelEndpoint readModelEndpoint(ReadModelDoctor doctor) {
    return new ReadModelEndpoint(doctor);
  }
}
