package dev.lockbox.workflows.activities;

import dev.lockbox.workflows.model.ApprovalProgress;
import dev.lockbox.workflows.model.JitEvaluation;
import dev.lockbox.workflows.model.LockboxRequest;
import java.time.Instant;
import java.util.List;

/**
 * Everything an approver needs to hear about a request. No links: the notifier signs those.
 *
 * @param kind {@code null} in histories recorded before kinds existed, meaning APPROVAL_REQUESTED
 * @param approval the approval levels and the approvals so far; {@code approvers} are then the
 *     current level's. Null in histories recorded before approval levels existed.
 */
public record ApprovalNotice(
    LockboxRequest request,
    JitEvaluation jit,
    List<String> approvers,
    Instant expiresAt,
    NoticeKind kind,
    ApprovalProgress approval) {

  public ApprovalNotice {
    approvers = List.copyOf(approvers);
    kind = kind == null ? NoticeKind.APPROVAL_REQUESTED : kind;
  }
}
