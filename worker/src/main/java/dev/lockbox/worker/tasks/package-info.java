/**
 * Watching the worker's workflow tasks: which requests' workflow tasks keep failing, for a metric,
 * a health warning and a log line.
 */
package dev.lockbox.worker.tasks;
