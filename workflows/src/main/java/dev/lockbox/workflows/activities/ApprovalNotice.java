package dev.lockbox.workflows.activities;

import dev.lockbox.workflows.model.JitEvaluation;
import dev.lockbox.workflows.model.LockboxRequest;
import java.time.Instant;
import java.util.List;

/** Everything an approver needs to hear about a new request. No links: the notifier signs those. */
public record ApprovalNotice(
    LockboxRequest request, JitEvaluation jit, List<String> approvers, Instant expiresAt) {

  public ApprovalNotice {
    approvers = List.copyOf(approvers);
  }
}
