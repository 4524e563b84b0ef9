/**
 * What every Lockbox process runs on: the connection to Temporal (client, health, metrics, search
 * attribute registration, start-up wait) and the shared default settings. Infrastructure only: no
 * request logic, no web endpoints, nothing that only one deployable needs.
 */
package dev.lockbox.platform;
