/**
 * The benchmark program: Lockbox's REST API against bare Temporal SDK calls on the same in-process
 * server, and the memory of open requests per sticky-cache size (docs/performance.md). It measures
 * and prints; nothing in Lockbox depends on it, and its bare workflow is a yardstick, not a
 * pattern.
 */
package dev.lockbox.benchmark;
