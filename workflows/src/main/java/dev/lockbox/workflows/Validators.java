package dev.lockbox.workflows;

import static dev.lockbox.workflows.LockboxErrors.NOT_ALLOWED;
import static dev.lockbox.workflows.LockboxErrors.NOT_IN_EXPECTED_STATUS;

import dev.lockbox.workflows.model.Decision;
import dev.lockbox.workflows.model.LockboxStatus;

/**
 * Update validators. They only read state; a refused decision throws and never enters the history.
 */
final class Validators {

  private Validators() {}

  static void requireCustomerDecisionPossible(RequestRecord record, boolean windowElapsed) {
    if (record.status == LockboxStatus.PENDING && windowElapsed) {
      throw NOT_IN_EXPECTED_STATUS.failure(
          "the approval window has ended; the request has expired", LockboxStatus.EXPIRED);
    }
    if (record.status != LockboxStatus.PENDING || record.decision != null) {
      throw NOT_IN_EXPECTED_STATUS.failure(
          "the request is " + record.status + " and no longer waits for a decision", record.status);
    }
  }

  static void requireRevocable(RequestRecord record) {
    if (record.status != LockboxStatus.ACCESS_GRANTED || record.revocation != null) {
      throw NOT_IN_EXPECTED_STATUS.failure(
          "access can only be revoked while it is granted; the request is " + record.status,
          record.status);
    }
  }

  static void requireApprover(RequestRecord record, Decision decision) {
    if (record.isRequester(decision.actor())) {
      throw NOT_ALLOWED.failure("requesters never decide their own request", record.status);
    }
    if (!record.isApprover(decision.actor())) {
      throw NOT_ALLOWED.failure(
          decision.actor() + " is not a designated approver of this request", record.status);
    }
  }

  /** Before approval levels, and in every decision but an approval, nothing narrows access. */
  static void requireNoApprovedDuration(Decision decision) {
    if (decision.approvedDuration() != null) {
      throw LockboxErrors.INVALID_DECISION.failure(
          "approvedDuration is not possible here: only an approval of a request sent for approval"
              + " with approval levels can shorten access",
          LockboxStatus.PENDING);
    }
  }

  static void requireRequester(RequestRecord record, Decision decision) {
    if (!record.isRequester(decision.actor())) {
      throw NOT_ALLOWED.failure("only the requester may cancel the request", record.status);
    }
  }

  static void requireRequesterOrApprover(RequestRecord record, Decision decision) {
    if (!record.isRequester(decision.actor()) && !record.isApprover(decision.actor())) {
      throw NOT_ALLOWED.failure(
          "only the requester or an approver of the tenant may revoke access", record.status);
    }
  }
}
