/**
 * {@code lockbox.jar}: the worker and the api in one JVM on this machine with a local Temporal
 * service (the dev server, durable, or in memory: {@code embedded}), the dev outbox page and the
 * {@code audit} command line; its tests are the integration and browser tests of the whole. Only
 * this module (and the benchmark) may use Temporal's test server; production code that the separate
 * deployables need does not belong here.
 */
package dev.lockbox.local;
