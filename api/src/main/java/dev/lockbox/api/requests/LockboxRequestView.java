package dev.lockbox.api.requests;

import dev.lockbox.workflows.model.ApprovalLevel;
import dev.lockbox.workflows.model.ApprovalProgress;
import dev.lockbox.workflows.model.DecisionRecord;
import dev.lockbox.workflows.model.Extension;
import dev.lockbox.workflows.model.JitEvaluation;
import dev.lockbox.workflows.model.LockboxRequest;
import dev.lockbox.workflows.model.LockboxState;
import dev.lockbox.workflows.model.NotificationRecord;
import dev.lockbox.workflows.model.Question;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
    List<Notification> notifications,
    @Schema(
            description =
                "Where the customer's approval stands: its levels, the approvals so far and how"
                    + " many are needed, and the access duration the approvers allowed. Null before"
                    + " the customer is asked and for requests from before approval levels.",
            nullable = true)
        Approval approval,
    @Schema(description = "Approvers' questions and the engineer's answers, in the order asked.")
        List<QuestionView> questions,
    @Schema(description = "The engineer's requests for more access time, in the order asked.")
        List<ExtensionView> extensions) {

  /**
   * @param id {@code q1}, {@code q2}, …: answer with {@code POST …/questions/{id}/answer}
   */
  public record QuestionView(
      String id,
      String askedBy,
      String channel,
      String text,
      Instant askedAt,
      @Schema(nullable = true) String answer,
      @Schema(nullable = true) Instant answeredAt) {}

  /**
   * @param id {@code e1}, {@code e2}, …: decide with {@code POST …/extensions/{id}/approve|deny}
   * @param status PENDING, APPROVED, DENIED, EXPIRED or FAILED (approved, but the access system did
   *     not take the new end)
   * @param accessExpiresAt the access end after it, once approved
   */
  public record ExtensionView(
      String id,
      String requestedBy,
      @Schema(example = "PT2H") String duration,
      String reason,
      Instant requestedAt,
      @Schema(description = "When it expires unanswered (never after the access end).")
          Instant expiresAt,
      String status,
      @Schema(nullable = true) Approval approval,
      @Schema(nullable = true) Decision decision,
      @Schema(nullable = true) Instant accessExpiresAt) {}

  public record Jit(
      String outcome,
      String ruleId,
      List<String> reasons,
      String internalApprovalRole,
      String maxAccessDuration,
      @Schema(
              description =
                  "How much more time all extensions of the request may add (ISO-8601), from"
                      + " the policy's limits; null for requests from before extensions.",
              example = "PT24H",
              nullable = true)
          String maxTotalExtension) {}

  /**
   * @param approvedDuration the shorter access this approver approved (ISO-8601); null when they
   *     approved the duration asked for
   * @param level the approval level (1-based) the approval counted at
   */
  public record Decision(
      String kind,
      String actor,
      String channel,
      String comment,
      Instant at,
      @Schema(
              description = "The shorter access this approver approved (ISO-8601).",
              example = "PT2H",
              nullable = true)
          String approvedDuration,
      @Schema(description = "The approval level the approval counted at.", nullable = true)
          Integer level) {}

  /**
   * Where the customer's approval stands.
   *
   * @param currentLevel the level (1-based) whose approvers are asked now
   * @param approvalsSoFar approvals counted, over every level
   * @param approvalsNeeded approvals needed in all before access is granted
   * @param approvedDuration the shortest duration an approver approved; null when none shortened
   */
  public record Approval(
      List<Level> levels,
      @Schema(description = "The level (1-based) whose approvers are asked now.") int currentLevel,
      @Schema(description = "Approvals counted so far, over every level.") int approvalsSoFar,
      @Schema(description = "Approvals needed before access is granted.") int approvalsNeeded,
      List<Decision> approvals,
      @Schema(
              description =
                  "The shortest duration any approver approved (ISO-8601): the access granted."
                      + " Null when nobody shortened the duration asked for.",
              example = "PT2H",
              nullable = true)
          String approvedDuration) {}

  /**
   * @param requiredApprovals distinct approvers needed at this level
   * @param approvers who may approve at this level
   */
  public record Level(int level, int requiredApprovals, long approvals, List<String> approvers) {}

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
        s.notifications().stream().map(LockboxRequestView::notification).toList(),
        approval(s.approval()),
        s.questions().stream().map(LockboxRequestView::question).toList(),
        s.extensions().stream().map(LockboxRequestView::extension).toList());
  }

  private static QuestionView question(Question q) {
    return new QuestionView(
        q.id(), q.askedBy(), q.channel().name(), q.text(), q.askedAt(), q.answer(), q.answeredAt());
  }

  private static ExtensionView extension(Extension e) {
    return new ExtensionView(
        e.id(),
        e.requestedBy(),
        e.duration().toString(),
        e.reason(),
        e.requestedAt(),
        e.expiresAt(),
        e.status().name(),
        approval(e.approval()),
        decision(e.decision()),
        e.accessExpiresAt());
  }

  private static Approval approval(ApprovalProgress a) {
    if (a == null) {
      return null;
    }
    List<Level> levels = new ArrayList<>();
    for (int i = 0; i < a.levels().size(); i++) {
      ApprovalLevel level = a.levels().get(i);
      levels.add(
          new Level(i + 1, level.requiredApprovals(), a.approvalsAt(i + 1), level.approvers()));
    }
    return new Approval(
        levels,
        a.currentLevel(),
        a.approvals().size(),
        a.approvalsNeeded(),
        a.approvals().stream().map(LockboxRequestView::decision).toList(),
        text(a.approvedDuration()));
  }

  private static String text(Duration duration) {
    return duration == null ? null : duration.toString();
  }

  private static Jit jit(JitEvaluation jit) {
    return jit == null
        ? null
        : new Jit(
            jit.outcome().name(),
            jit.ruleId(),
            jit.reasons(),
            jit.internalApprovalRole(),
            text(jit.maxAccessDuration()),
            text(jit.maxTotalExtension()));
  }

  private static Decision decision(DecisionRecord d) {
    return d == null
        ? null
        : new Decision(
            d.kind().name(),
            d.actor(),
            d.channel().name(),
            d.comment(),
            d.at(),
            text(d.approvedDuration()),
            d.level());
  }

  private static Notification notification(NotificationRecord n) {
    return new Notification(n.kind(), n.recipients(), n.delivered(), n.error(), n.at());
  }
}
