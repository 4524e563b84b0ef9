/**
 * The worker process: polls the lockbox task queue and runs the workflow and its activities, with
 * the tuning the benchmark chose. Wiring only; the workflow lives in {@code workflows}, the
 * activities in {@code activities}, and nothing here serves users.
 */
package dev.lockbox.worker;
