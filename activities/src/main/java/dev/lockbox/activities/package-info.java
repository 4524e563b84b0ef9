/**
 * The activity implementations the worker registers: JIT policy, directory lookups, notifications
 * (SendGrid or the dev outbox), access grant and revoke, read model writes, the audit archive. All
 * I/O of a request's lifecycle happens here, idempotent by request id so a retry is harmless. The
 * api never calls these classes (it reaches them only through Temporal), and workflow logic does
 * not belong here.
 */
package dev.lockbox.activities;
