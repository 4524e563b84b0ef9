package dev.lockbox.workflows.activities;

import dev.lockbox.workflows.model.ApprovalProgress;
import dev.lockbox.workflows.model.DecisionRecord;
import dev.lockbox.workflows.model.LockboxRequest;
import java.time.Instant;

/**
 * What the engineer hears: approved (with the access window), denied, expired or revoked.
 *
 * @param decision the decision that caused the notice (approve, deny, expire or the revocation)
 * @param approval who approved, at which level, and the duration they allowed; null in histories
 *     recorded before approval levels existed
 */
public record RequesterNotice(
    LockboxRequest request,
    NoticeKind kind,
    DecisionRecord decision,
    Instant accessGrantedAt,
    Instant accessExpiresAt,
    ApprovalProgress approval) {}
