package dev.lockbox.platform.temporal;

import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.serviceclient.OperatorServiceStubs;
import io.temporal.serviceclient.OperatorServiceStubsOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One connection to Temporal per process, shared by the client and the worker. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TemporalSettings.class)
public class TemporalConnectionConfiguration {

  @Bean(destroyMethod = "shutdown")
  WorkflowServiceStubs workflowServiceStubs(TemporalSettings settings) {
    WorkflowServiceStubsOptions.Builder options =
        WorkflowServiceStubsOptions.newBuilder()
            .setTarget(settings.address())
            .setEnableHttps(settings.usesTls());
    if (settings.hasApiKey()) {
      options.addApiKey(settings::apiKey);
    }
    return WorkflowServiceStubs.newServiceStubs(options.build());
  }

  @Bean
  WorkflowClient workflowClient(WorkflowServiceStubs stubs, TemporalSettings settings) {
    return WorkflowClient.newInstance(
        stubs, WorkflowClientOptions.newBuilder().setNamespace(settings.namespace()).build());
  }

  @Bean
  SearchAttributeRegistrar searchAttributeRegistrar(
      WorkflowServiceStubs stubs, TemporalSettings settings) {
    OperatorServiceStubs operator =
        OperatorServiceStubs.newServiceStubs(
            OperatorServiceStubsOptions.newBuilder()
                .setChannel(stubs.getRawChannel())
                .validateAndBuildWithDefaults());
    return new SearchAttributeRegistrar(operator, settings);
  }
}
