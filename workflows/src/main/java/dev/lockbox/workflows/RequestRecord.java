package dev.lockbox.workflows;

import dev.lockbox.workflows.model.ApprovalLevel;
import dev.lockbox.workflows.model.ApprovalProgress;
import dev.lockbox.workflows.model.DecisionRecord;
import dev.lockbox.workflows.model.JitEvaluation;
import dev.lockbox.workflows.model.LockboxRequest;
import dev.lockbox.workflows.model.LockboxState;
import dev.lockbox.workflows.model.LockboxStatus;
import dev.lockbox.workflows.model.NotificationRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The mutable state of one request's workflow; {@link #snapshot()} is what queries and updates see.
 */
final class RequestRecord {

  final LockboxRequest request;
  final Instant createdAt;
  LockboxStatus status = LockboxStatus.EVALUATING;
  long version = 1;
  JitEvaluation jit;
  List<String> approvers = List.of();
  Instant expiresAt;
  DecisionRecord decision;
  Instant accessGrantedAt;
  Instant accessExpiresAt;
  DecisionRecord revocation;
  Instant revokedAt;
  final List<NotificationRecord> notifications = new ArrayList<>();
  List<String> internalReviewers = List.of();
  Instant internalExpiresAt;
  DecisionRecord internalDecision;
  // Approval levels (Features.APPROVAL_LEVELS): null in requests that started before them.
  List<ApprovalLevel> levels;
  int level = 1;
  final List<DecisionRecord> approvals = new ArrayList<>();
  Duration approvedDuration;

  RequestRecord(LockboxRequest request, Instant createdAt) {
    this.request = request;
    this.createdAt = createdAt;
  }

  void moveTo(LockboxStatus next) {
    status = next;
    version++;
  }

  /** How long access lasts once granted: the approvers' narrowing, if any, or what was asked. */
  Duration accessDuration() {
    return approvedDuration != null ? approvedDuration : request.accessDuration();
  }

  boolean isApprover(String actor) {
    return approvers.contains(actor) && !isRequester(actor);
  }

  boolean isInternalReviewer(String actor) {
    return internalReviewers.contains(actor) && !isRequester(actor);
  }

  boolean isRequester(String actor) {
    return request.requester().equals(actor);
  }

  LockboxState snapshot() {
    return new LockboxState(
        request,
        status,
        version,
        jit,
        approvers,
        createdAt,
        expiresAt,
        decision,
        accessGrantedAt,
        accessExpiresAt,
        revocation,
        revokedAt,
        notifications,
        internalReviewers,
        internalExpiresAt,
        internalDecision,
        levels == null ? null : new ApprovalProgress(levels, level, approvals, approvedDuration));
  }
}
