/**
 * The Temporal service lockbox.jar runs for itself when no {@code TEMPORAL_ADDRESS} is given: the
 * real Temporal server as a child process ({@code temporal server start-dev}, durable in a data
 * directory) or the in-memory Java test server, both on 127.0.0.1 only; the checks that end
 * start-up at once (taken ports, a data directory in use). See docs/running-locally.md.
 */
package dev.lockbox.local.embedded;
