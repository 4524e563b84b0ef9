package dev.lockbox.workflows.reconcile;

import java.util.List;

/**
 * What one pass found, by request id.
 *
 * @param orphaned live grants whose request is no longer granted (terminated, reset or lost): each
 *     was revoked
 * @param missing requests in {@code ACCESS_GRANTED} without a live grant at the access system
 */
public record ReconcileReport(List<String> orphaned, List<String> missing) {}
