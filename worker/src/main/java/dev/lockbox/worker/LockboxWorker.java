package dev.lockbox.worker;

import dev.lockbox.workflows.LockboxNames;
import dev.lockbox.workflows.LockboxWorkflowImpl;
import dev.lockbox.workflows.archive.AuditArchiveWorkflowImpl;
import dev.lockbox.workflows.reconcile.AccessReconcilerWorkflowImpl;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerOptions;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/** Polls the lockbox task queue while the application runs; drains in-flight tasks on stop. */
public class LockboxWorker implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(LockboxWorker.class);

  private final WorkerFactory factory;
  private volatile boolean running;

  LockboxWorker(WorkerFactory factory, WorkerSettings settings, Object... activities) {
    this.factory = factory;
    Worker worker =
        factory.newWorker(
            LockboxNames.TASK_QUEUE,
            WorkerOptions.newBuilder()
                .setMaxConcurrentWorkflowTaskExecutionSize(settings.maxConcurrentWorkflowTasks())
                .setMaxConcurrentActivityExecutionSize(settings.maxConcurrentActivities())
                .setMaxConcurrentLocalActivityExecutionSize(settings.maxConcurrentLocalActivities())
                .setMaxConcurrentWorkflowTaskPollers(settings.workflowPollers())
                .setMaxConcurrentActivityTaskPollers(settings.activityPollers())
                .setStickyQueueScheduleToStartTimeout(settings.stickyQueueScheduleToStartTimeout())
                .build());
    worker.registerWorkflowImplementationTypes(
        LockboxWorkflowImpl.class,
        AuditArchiveWorkflowImpl.class,
        AccessReconcilerWorkflowImpl.class);
    worker.registerActivitiesImplementations(activities);
  }

  @Override
  public void start() {
    factory.start();
    running = true;
    log.info("Worker polling task queue '{}'", LockboxNames.TASK_QUEUE);
  }

  @Override
  public void stop() {
    factory.shutdown();
    factory.awaitTermination(10, TimeUnit.SECONDS);
    running = false;
  }

  @Override
  public boolean isRunning() {
    return running;
  }
}
