package dev.lockbox.api.operations;

import dev.lockbox.readmodel.RequestSummaryRepository;
import io.temporal.client.WorkflowClient;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The operator's read model check ({@code /actuator/readmodel}). */
@Configuration(proxyBeanMethods = false)
class OperationsConfiguration {

  @Bean
  ReadModelDoctor readModelDoctor(WorkflowClient client, RequestSummaryRepository summaries) {
    return new ReadModelDoctor(client, summaries, Clock.systemUTC());
  }

  @Bean
  ReadModelEndpoint readModelEndpoint(ReadModelDoctor doctor) {
    return new ReadModelEndpoint(doctor);
  }
}
