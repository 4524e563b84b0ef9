/**
 * Readable audit events derived from workflow histories ({@code AuditRules} is the one table from
 * history event to audit event), and signed, hash-chained exports with their verifier. Shared by
 * the api (HTTP), the worker (archive job) and lockbox.jar (command line). It reads histories and
 * never changes a workflow; the wire names it matches come from the workflows module, not literals.
 */
package dev.lockbox.audit;
