package dev.lockbox.worker;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Worker tuning ({@code lockbox.worker.*}). Memory grows with the sticky cache: each cached
 * workflow holds a thread and its stack, so the cache size bounds the worker's footprint.
 */
@ConfigurationProperties("lockbox.worker")
public record WorkerSettings(
    @DefaultValue("600") int workflowCacheSize,
    @DefaultValue("200") int maxWorkflowThreads,
    @DefaultValue("50") int maxConcurrentWorkflowTasks,
    @DefaultValue("50") int maxConcurrentActivities,
    @DefaultValue("50") int maxConcurrentLocalActivities,
    @DefaultValue("2") int workflowPollers,
    @DefaultValue("2") int activityPollers) {}
