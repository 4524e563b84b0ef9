package dev.lockbox.workflows.model;

import java.time.Instant;
import java.util.List;

/**
 * The full current state of one lockbox request, as returned by the {@code getState} query and by
 * every decision.
 *
 * @param version grows by one on every status change; the read model keeps the highest it saw
 * @param decision the customer's (or the clock's) answer: approve, deny, expire or cancel
 * @param revocation who or what ended granted access
 * @param internalDecision the provider-side reviewer's decision, when the policy asked for one
 * @param approval the customer's approval levels, the approvals so far and the duration they
 *     allowed; null before the customer is asked, and in requests started before approval levels
 * @param questions the approvers' questions and the engineer's answers, in the order asked
 * @param extensions the engineer's requests for more access time, in the order asked
 */
public record LockboxState(
    LockboxRequest request,
    LockboxStatus status,
    long version,
    JitEvaluation jit,
    List<String> approvers,
    Instant createdAt,
    Instant expiresAt,
    DecisionRecord decision,
    Instant accessGrantedAt,
    Instant accessExpiresAt,
    DecisionRecord revocation,
    Instant revokedAt,
    List<NotificationRecord> notifications,
    List<String> internalReviewers,
    Instant internalExpiresAt,
    DecisionRecord internalDecision,
    ApprovalProgress approval,
    List<Question> questions,
    List<Extension> extensions) {

  /**
   * A request whose workflow has started but not yet run its first step: what a create answers when
   * the worker has not taken it up within the call's deadline.
   */
  public static LockboxState evaluating(LockboxRequest request, Instant createdAt) {
    return new LockboxState(
        request,
        LockboxStatus.EVALUATING,
        1,
        null,
        List.of(),
        createdAt,
        null,
        null,
        null,
        null,
        null,
        null,
        List.of(),
        List.of(),
        null,
        null,
        null,
        List.of(),
        List.of());
  }

  public LockboxState {
    approvers = List.copyOf(approvers);
    notifications = List.copyOf(notifications);
    internalReviewers = internalReviewers == null ? List.of() : List.copyOf(internalReviewers);
    questions = questions == null ? List.of() : List.copyOf(questions);
    extensions = extensions == null ? List.of() : List.copyOf(extensions);
  }
}
