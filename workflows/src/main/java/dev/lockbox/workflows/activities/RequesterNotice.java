package dev.lockbox.workflows.activities;

import dev.lockbox.workflows.model.ApprovalProgress;
import dev.lockbox.workflows.model.DecisionRecord;
import dev.lockbox.workflows.model.Extension;
import dev.lockbox.workflows.model.LockboxRequest;
import dev.lockbox.workflows.model.Question;
import java.time.Instant;

/**
 * What the engineer hears: approved (with the access window), denied, expired or revoked.
 *
 * @param decision the decision that caused the notice (approve, deny, expire or the revocation)
 * @param approval who approved, at which level, and the duration they allowed; null in histories
 *     recorded before approval levels existed
 * @param question the question asked ({@code QUESTION_ASKED}); null otherwise
 * @param extension the extension decided ({@code EXTENSION_*}); null otherwise
 */
public record RequesterNotice(
    LockboxRequest request,
    NoticeKind kind,
    DecisionRecord decision,
    Instant accessGrantedAt,
    Instant accessExpiresAt,
    ApprovalProgress approval,
    Question question,
    Extension extension) {

  public RequesterNotice(
      LockboxRequest request,
      NoticeKind kind,
      DecisionRecord decision,
      Instant accessGrantedAt,
      Instant accessExpiresAt,
      ApprovalProgress approval) {
    this(request, kind, decision, accessGrantedAt, accessExpiresAt, approval, null, null);
  }

  /** What makes this notice one of a kind within its request: the question or extension. */
  public String itemId() {
    return question != null ? question.id() : extension != null ? extension.id() : null;
  }
}
