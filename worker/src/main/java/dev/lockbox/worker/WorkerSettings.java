package dev.lockbox.worker;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Worker tuning ({@code lockbox.worker.*}). Memory grows with the sticky cache: each cached
 * workflow holds a thread and its stack, so the cache size bounds the worker's footprint.
 *
 * <p>The defaults come from the benchmark (docs/performance.md): decision and create latency stay
 * flat from a cache of 100 to 2,000, because a Lockbox history is short and a cache miss replays it
 * in milliseconds, while every cached workflow costs about 57 KiB of heap and 85–125 KiB of thread
 * stack. The thread count is the cache plus one per workflow task slot: each cached workflow keeps
 * one thread and an Update handler borrows another, and with fewer threads than that the SDK evicts
 * cached workflows whenever it runs out (600:200 did so 1,734 times for 2,000 open requests, and
 * failed workflow tasks). Spare threads end after a minute idle.
 *
 * <p>{@code stickyQueueScheduleToStartTimeout}: a workflow's next task goes first to the worker
 * that ran its last one; when that worker died without saying goodbye (kill -9, a lost machine) the
 * server hands the task to any worker only after this timeout. The SDK's 5 s equals the API's own
 * wait for a decision's result, so a decision on a request the dead worker had cached answered with
 * the state before the decision; 2 s leaves the API time to show the decision taken.
 */
@ConfigurationProperties("lockbox.worker")
public record WorkerSettings(
    @DefaultValue("200") int workflowCacheSize,
    @DefaultValue("250") int maxWorkflowThreads,
    @DefaultValue("50") int maxConcurrentWorkflowTasks,
    @DefaultValue("50") int maxConcurrentActivities,
    @DefaultValue("50") int maxConcurrentLocalActivities,
    @DefaultValue("2") int workflowPollers,
    @DefaultValue("2") int activityPollers,
    @DefaultValue("PT2S") Duration stickyQueueScheduleToStartTimeout) {}
