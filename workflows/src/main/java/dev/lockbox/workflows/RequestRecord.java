package dev.lockbox.workflows;

import dev.lockbox.workflows.model.DecisionRecord;
import dev.lockbox.workflows.model.JitEvaluation;
import dev.lockbox.workflows.model.LockboxRequest;
import dev.lockbox.workflows.model.LockboxState;
import dev.lockbox.workflows.model.LockboxStatus;
import dev.lockbox.workflows.model.NotificationRecord;
import dev.lockbox.workflows.model.Question;
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
  // The customer's approval levels (Features.APPROVAL_LEVELS): no levels in older requests.
  final ApprovalRound round = new ApprovalRound();
  Duration approvedDuration;
  // Questions and extensions (Features.EXTENSIONS_AND_QUESTIONS).
  final List<Question> questions = new ArrayList<>();
  final List<ExtensionRound> extensions = new ArrayList<>();

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
        round.progress(approvedDuration),
        questions,
        extensions.stream().map(ExtensionRound::snapshot).toList());
  }
}
