/** The access reconciler: its workflow, its activity interface and its report. */
package dev.lockbox.workflows.reconcile;
