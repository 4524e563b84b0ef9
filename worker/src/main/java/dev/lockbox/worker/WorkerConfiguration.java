package dev.lockbox.worker;

import dev.lockbox.activities.ActivitiesConfiguration;
import dev.lockbox.activities.archive.AuditArchiveConfiguration;
import dev.lockbox.directory.DirectoryConfiguration;
import dev.lockbox.links.LinkConfiguration;
import dev.lockbox.platform.PlatformConfiguration;
import dev.lockbox.readmodel.ReadModelConfiguration;
import dev.lockbox.worker.tasks.FailingWorkflowTasks;
import dev.lockbox.worker.tasks.WorkflowTaskWatch;
import dev.lockbox.worker.tasks.WorkflowTasksHealthIndicator;
import dev.lockbox.workflows.activities.AccessActivities;
import dev.lockbox.workflows.activities.DirectoryActivities;
import dev.lockbox.workflows.activities.NotificationActivities;
import dev.lockbox.workflows.activities.PolicyActivities;
import dev.lockbox.workflows.activities.ReadModelActivities;
import dev.lockbox.workflows.archive.ArchiveActivities;
import dev.lockbox.workflows.reconcile.ReconcilerActivities;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.temporal.client.WorkflowClient;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerFactoryOptions;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** Everything the worker process runs. The embedded default imports it beside the api. */
@Configuration(proxyBeanMethods = false)
@Import({
  PlatformConfiguration.class,
  DirectoryConfiguration.class,
  LinkConfiguration.class,
  ReadModelConfiguration.class,
  ActivitiesConfiguration.class,
  AuditArchiveConfiguration.class
})
@EnableConfigurationProperties(WorkerSettings.class)
public class WorkerConfiguration {

  @Bean
  WorkerFactory workerFactory(WorkflowClient client, WorkerSettings settings) {
    RefusalLogFilter.install();
    return WorkerFactory.newInstance(
        client,
        WorkerFactoryOptions.newBuilder()
            .setWorkflowCacheSize(settings.workflowCacheSize())
            .setMaxWorkflowThreadCount(settings.maxWorkflowThreads())
            .build());
  }

  @Bean
  FailingWorkflowTasks failingWorkflowTasks(ObjectProvider<MeterRegistry> meters) {
    FailingWorkflowTasks tasks = new FailingWorkflowTasks(Clock.systemUTC());
    meters.ifAvailable(
        registry ->
            Gauge.builder("lockbox.workflow.tasks.failing", tasks, FailingWorkflowTasks::count)
                .description("Workflows whose workflow task keeps failing (attempt 3 or more)")
                .register(registry));
    return tasks;
  }

  @Bean
  WorkflowTaskWatch workflowTaskWatch(FailingWorkflowTasks tasks) {
    return new WorkflowTaskWatch(tasks);
  }

  @Bean
  WorkflowTasksHealthIndicator workflowTasksHealthIndicator(FailingWorkflowTasks tasks) {
    return new WorkflowTasksHealthIndicator(tasks);
  }

  @Bean
  LockboxWorker lockboxWorker(
      WorkerFactory factory,
      WorkerSettings settings,
      PolicyActivities policy,
      DirectoryActivities directory,
      NotificationActivities notifications,
      AccessActivities access,
      ReadModelActivities readModel,
      ArchiveActivities archive,
      ReconcilerActivities reconciler) {
    return new LockboxWorker(
        factory,
        settings,
        policy,
        directory,
        notifications,
        access,
        readModel,
        archive,
        reconciler);
  }
}
