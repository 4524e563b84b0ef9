/**
 * The lockbox workflow and everything it shares with its callers: the workflow interface and its
 * implementation ({@code LockboxWorkflowImpl.run} reads as the lifecycle), its stages, the activity
 * interfaces it calls, the messages and state records, and the names on the wire (workflow type,
 * Update names, activity types, statuses, search attributes, task queue), declared once here.
 * Everything in this module replays: no Spring, no I/O, no wall clock, no randomness, no threads
 * other than the Workflow API's ({@code DeterminismRulesTest} fails the build otherwise), and a
 * change to what the workflow does goes behind {@code Features} so recorded histories still replay.
 * Activity implementations do not belong here.
 */
package dev.lockbox.workflows;
