package dev.lockbox.api.requests;

import dev.lockbox.api.problems.DecisionConflictException;
import dev.lockbox.api.problems.InvalidRequestException;
import dev.lockbox.api.problems.NotAllowedException;
import dev.lockbox.directory.DirectoryUser;
import dev.lockbox.directory.Role;
import dev.lockbox.readmodel.SummaryQuery;
import dev.lockbox.workflows.model.ApprovalProgress;
import dev.lockbox.workflows.model.DecisionKind;
import dev.lockbox.workflows.model.LockboxRequest;
import dev.lockbox.workflows.model.LockboxState;
import dev.lockbox.workflows.model.LockboxStatus;
import java.util.Set;

/**
 * Who may see and do what. The workflow's validators check the decision rules again against the
 * approvers it recorded when the request was created; this class answers with the right HTTP status
 * before a message is ever sent.
 */
final class RequestAccessPolicy {

  private RequestAccessPolicy() {}

  /**
   * Requesters see their own requests, approvers their tenant's; auditors and provider-side
   * internal reviewers see every request.
   */
  static boolean canSee(DirectoryUser user, LockboxRequest request) {
    return canSee(user, request.requester(), request.tenantId());
  }

  /** The same rule for what only names the request's requester and tenant (an audit trail). */
  static boolean canSee(DirectoryUser user, String requester, String tenantId) {
    return user.id().equals(requester)
        || user.approves(tenantId)
        || user.has(Role.AUDITOR)
        || user.has(Role.INTERNAL_APPROVER);
  }

  static void requireMayCreate(DirectoryUser user) {
    if (!user.has(Role.ENGINEER)) {
      throw new NotAllowedException("Only support engineers may ask for access.");
    }
  }

  static void requireMayDecide(DecisionKind kind, DirectoryUser user, LockboxState state) {
    LockboxRequest request = state.request();
    boolean requester = user.id().equals(request.requester());
    boolean approver = user.approves(request.tenantId()) && wasNotified(user, state);
    switch (kind) {
      case INTERNAL_APPROVE, INTERNAL_DENY -> {
        String role = state.jit() == null ? null : state.jit().internalApprovalRole();
        if (requester) {
          throw new NotAllowedException("Requesters never review their own request.");
        }
        if (role == null || !user.holdsInternalRole(role)) {
          throw new NotAllowedException(
              role == null
                  ? "This request needs no internal review."
                  : "Only holders of the " + role + " role may review this request.");
        }
      }
      case APPROVE, DENY -> {
        if (requester) {
          throw new NotAllowedException("Requesters never approve or deny their own request.");
        }
        if (!user.approves(request.tenantId())) {
          throw new NotAllowedException(
              "Only a designated Lockbox approver of tenant "
                  + request.tenantId()
                  + " may decide.");
        }
        if (!approver) {
          throw new NotAllowedException(
              "Only the approvers asked when this request was sent for approval may decide it.");
        }
      }
      case CANCEL -> {
        if (!requester) {
          throw new NotAllowedException("Only the requester may cancel a request.");
        }
      }
      case REVOKE -> {
        if (!requester && !approver) {
          throw new NotAllowedException(
              "Only the requester or an approver of tenant "
                  + request.tenantId()
                  + " may revoke access.");
        }
      }
      default -> throw new NotAllowedException("Nobody decides " + kind + " by hand.");
    }
  }

  /** The same person never counts twice: a second approval by them is a conflict, not news. */
  static void requireNotApprovedYet(DirectoryUser user, LockboxState state) {
    ApprovalProgress approval = state.approval();
    // Once decided, the status answers (409 with it), as for any late decision.
    boolean waiting = state.status() == LockboxStatus.PENDING && state.decision() == null;
    if (waiting && approval != null && approval.approvedBy(user.id())) {
      int left = approval.approvalsNeeded() - approval.approvals().size();
      throw new DecisionConflictException(
          "You already approved this request; it needs "
              + left
              + " more approval"
              + (left == 1 ? "" : "s")
              + " from other approvers.",
          state.status().name());
    }
  }

  /**
   * An approver must hold the role now (the directory or the token says so at the decision) and
   * have been among the approvers the workflow recorded when it asked them: a role gained after the
   * request went out does not let anyone decide it. Before approvers are asked, the list is empty
   * and the workflow answers with the status instead.
   */
  private static boolean wasNotified(DirectoryUser user, LockboxState state) {
    return state.approvers().isEmpty() || state.approvers().contains(user.id());
  }

  /**
   * Narrows a listing to what the caller may see: auditors everything, approvers their tenants,
   * engineers their own requests.
   */
  static SummaryQuery scope(
      DirectoryUser user, String status, String tenantId, int page, int size) {
    if (user.has(Role.AUDITOR) || user.has(Role.INTERNAL_APPROVER)) {
      return query(status, null, tenantId, null, page, size);
    }
    if (user.has(Role.CUSTOMER_APPROVER)) {
      return query(status, Set.copyOf(user.approverOf()), tenantId, null, page, size);
    }
    if (user.has(Role.ENGINEER)) {
      return query(status, null, tenantId, user.id(), page, size);
    }
    return query(status, Set.of(), tenantId, null, page, size);
  }

  private static SummaryQuery query(
      String status, Set<String> tenants, String tenantId, String requester, int page, int size) {
    try {
      return new SummaryQuery(status, tenants, tenantId, requester, page, size);
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException(e.getMessage() + ".");
    }
  }
}
