package dev.lockbox.workflows.activities;

import dev.lockbox.workflows.model.ApprovalProgress;
import dev.lockbox.workflows.model.Extension;
import dev.lockbox.workflows.model.JitEvaluation;
import dev.lockbox.workflows.model.LockboxRequest;
import dev.lockbox.workflows.model.Question;
import java.time.Instant;
import java.util.List;

/**
 * Everything an approver needs to hear about a request. No links: the notifier signs those.
 *
 * @param kind {@code null} in histories recorded before kinds existed, meaning APPROVAL_REQUESTED
 * @param approval the approval levels and the approvals so far; {@code approvers} are then the
 *     current level's. Null in histories recorded before approval levels existed.
 * @param question the question answered ({@code QUESTION_ANSWERED}); null otherwise
 * @param extension the extension asked for ({@code EXTENSION_REQUESTED}); null otherwise
 */
public record ApprovalNotice(
    LockboxRequest request,
    JitEvaluation jit,
    List<String> approvers,
    Instant expiresAt,
    NoticeKind kind,
    ApprovalProgress approval,
    Question question,
    Extension extension) {

  public ApprovalNotice {
    approvers = List.copyOf(approvers);
    kind = kind == null ? NoticeKind.APPROVAL_REQUESTED : kind;
  }

  public ApprovalNotice(
      LockboxRequest request,
      JitEvaluation jit,
      List<String> approvers,
      Instant expiresAt,
      NoticeKind kind,
      ApprovalProgress approval) {
    this(request, jit, approvers, expiresAt, kind, approval, null, null);
  }

  /** What makes this notice one of a kind within its request: the question or extension. */
  public String itemId() {
    return question != null ? question.id() : extension != null ? extension.id() : null;
  }
}
