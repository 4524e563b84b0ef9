package dev.lockbox.api.requests;

import dev.lockbox.workflows.model.DecisionRecord;
import dev.lockbox.workflows.model.JitEvaluation;
import dev.lockbox.workflows.model.LockboxRequest;
import dev.lockbox.workflows.model.LockboxState;
import dev.lockbox.workflows.model.NotificationRecord;
import java.time.Instant;
import java.util.List;

/**
 * A lockbox request as the API shows it. Kept apart from the workflow's records, which travel as
 * Temporal payloads through a different JSON library (Jackson 2 there, Jackson 3 here).
 */
public record LockboxRequestView(
    String id,
    String status,
    String requester,
    String supportTicketId,
    String tenantId,
    String subscriptionId,
    String resourceType,
    String resourceId,
    String accessLevel,
    String justification,
    String resourceScope,
    boolean breakGlass,
    String accessDuration,
    String approvalWindow,
    Jit jit,
    List<String> internalReviewers,
    Instant internalExpiresAt,
    Decision internalDecision,
    List<String> approvers,
    Instant createdAt,
    Instant expiresAt,
    Instant decidedAt,
    Decision decision,
    Instant accessGrantedAt,
    Instant accessExpiresAt,
    Instant revokedAt,
    Decision revocation,
    List<Notification> notifications) {

  public record Jit(
      String outcome,
      String ruleId,
      List<String> reasons,
      String internalApprovalRole,
      String maxAccessDuration) {}

  public record Decision(String kind, String actor, String channel, String comment, Instant at) {}

  public record Notification(
      String kind, List<String> recipients, boolean delivered, String error, Instant at) {}

  static LockboxRequestView of(LockboxState s) {
    LockboxRequest r = s.request();
    return new LockboxRequestView(
        r.requestId(),
        s.status().name(),
        r.requester(),
        r.supportTicketId(),
        r.tenantId(),
        r.subscriptionId(),
        r.resourceType(),
        r.resourceId(),
        r.accessLevel(),
        r.justification(),
        r.resourceScope().name(),
        r.breakGlass(),
        r.accessDuration().toString(),
        r.approvalWindow().toString(),
        jit(s.jit()),
        s.internalReviewers(),
        s.internalExpiresAt(),
        decision(s.internalDecision()),
        s.approvers(),
        s.createdAt(),
        s.expiresAt(),
        s.decision() == null ? null : s.decision().at(),
        decision(s.decision()),
        s.accessGrantedAt(),
        s.accessExpiresAt(),
        s.revokedAt(),
        decision(s.revocation()),
        s.notifications().stream().map(LockboxRequestView::notification).toList());
  }

  private static Jit jit(JitEvaluation jit) {
    return jit == null
        ? null
        : new Jit(
            jit.outcome().name(),
            jit.ruleId(),
            jit.reasons(),
            jit.internalApprovalRole(),
            jit.maxAccessDuration() == null ? null : jit.maxAccessDuration().toString());
  }

  private static Decision decision(DecisionRecord d) {
    return d == null
        ? null
        : new Decision(d.kind().name(), d.actor(), d.channel().name(), d.comment(), d.at());
  }

  private static Notification notification(NotificationRecord n) {
    return new Notification(n.kind(), n.recipients(), n.delivered(), n.error(), n.at());
  }
}
