package dev.lockbox.workflows.activities;

import dev.lockbox.workflows.model.JitEvaluation;
import dev.lockbox.workflows.model.LockboxRequest;
import java.time.Instant;
import java.util.List;

/**
 * Everything an approver needs to hear about a request. No links: the notifier signs those.
 *
 * @param kind {@code null} in histories recorded before kinds existed, meaning APPROVAL_REQUESTED
 */
public record ApprovalNotice(
    LockboxRequest request,
    JitEvaluation jit,
    List<String> approvers,
    Instant expiresAt,
    NoticeKind kind) {

  public ApprovalNotice {
    approvers = List.copyOf(approvers);
    kind = kind == null ? NoticeKind.APPROVAL_REQUESTED : kind;
  }
}
