package dev.lockbox.platform.temporal;

import com.uber.m3.tally.NoopScope;
import com.uber.m3.tally.Scope;
import io.grpc.ClientInterceptor;
import io.micrometer.core.instrument.MeterRegistry;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.serviceclient.OperatorServiceStubs;
import io.temporal.serviceclient.OperatorServiceStubsOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.DependsOn;

/** One connection to Temporal per process, shared by the client and the worker. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TemporalSettings.class)
public class TemporalConnectionConfiguration {

  /** The SDK's metrics go to Micrometer where the application has a registry (actuator). */
  @Bean(destroyMethod = "close")
  Scope temporalMetricsScope(ObjectProvider<MeterRegistry> meters) {
    MeterRegistry registry = meters.getIfAvailable();
    return registry == null ? new NoopScope() : TemporalMetrics.scope(registry);
  }

  /**
   * @param interceptors gRPC interceptors of the process (the worker watches its workflow tasks)
   */
  @Bean(destroyMethod = "shutdown")
  WorkflowServiceStubs workflowServiceStubs(
      TemporalSettings settings,
      Scope temporalMetricsScope,
      ObjectProvider<ClientInterceptor> interceptors) {
    WorkflowServiceStubsOptions.Builder options =
        WorkflowServiceStubsOptions.newBuilder()
            .setTarget(settings.address())
            .setEnableHttps(settings.usesTls())
            .setMetricsScope(temporalMetricsScope)
            .setGrpcClientInterceptors(interceptors.orderedStream().toList());
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
  TemporalProbe temporalProbe(WorkflowServiceStubs stubs, TemporalSettings settings) {
    return new TemporalProbe(stubs, settings);
  }

  @Bean
  TemporalStartupWait temporalStartupWait(TemporalProbe probe) {
    return new TemporalStartupWait(
        probe, duration -> Thread.sleep(duration.toMillis()), TemporalStartupWait.CALL_DEADLINE);
  }

  @Bean
  TemporalHealthIndicator temporalHealthIndicator(TemporalProbe probe) {
    return new TemporalHealthIndicator(probe);
  }

  @Bean
  @DependsOn("temporalStartupWait")
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
