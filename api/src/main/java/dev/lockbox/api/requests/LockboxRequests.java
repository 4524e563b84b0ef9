package dev.lockbox.api.requests;

import dev.lockbox.api.problems.DecisionConflictException;
import dev.lockbox.api.problems.NotAllowedException;
import dev.lockbox.api.problems.RequestNotFoundException;
import dev.lockbox.directory.DirectoryUser;
import dev.lockbox.readmodel.RequestSummaryRepository;
import dev.lockbox.readmodel.SummaryPage;
import dev.lockbox.workflows.model.Channel;
import dev.lockbox.workflows.model.Decision;
import dev.lockbox.workflows.model.DecisionKind;
import dev.lockbox.workflows.model.LockboxState;
import org.springframework.stereotype.Service;

/**
 * What the approver portal may do with requests: the same service, access rules and read model as
 * the REST API, so both decide through one path.
 */
@Service
public class LockboxRequests {

  private final LockboxRequestService service;
  private final RequestSummaryRepository summaries;

  LockboxRequests(LockboxRequestService service, RequestSummaryRepository summaries) {
    this.service = service;
    this.summaries = summaries;
  }

  /** The request, if this user may see it; otherwise {@link RequestNotFoundException}. */
  public LockboxState visible(String requestId, DirectoryUser user) {
    LockboxState state = service.get(requestId);
    if (!RequestAccessPolicy.canSee(user, state.request())) {
      throw new RequestNotFoundException(requestId);
    }
    return state;
  }

  /**
   * Sends the user's decision and returns the state after it. Not allowed: {@link
   * dev.lockbox.api.problems.NotAllowedException}; no longer possible (already decided, expired):
   * {@link DecisionConflictException} with the current status.
   */
  public LockboxState take(
      String requestId, DecisionKind kind, DirectoryUser user, Channel channel, String comment) {
    LockboxState state = visible(requestId, user);
    RequestAccessPolicy.requireMayDecide(kind, user, state);
    if (state.status().isFinal()) {
      throw new DecisionConflictException(
          LockboxRequestService.noLongerPossible(state.status()), state.status().name());
    }
    LockboxState after = service.decide(requestId, kind, new Decision(user.id(), channel, comment));
    boolean settles = kind == DecisionKind.APPROVE || kind == DecisionKind.INTERNAL_APPROVE;
    return settles ? service.settled(requestId) : after;
  }

  /**
   * {@link #take} for pages that show "too late" rather than fail: then {@code taken} is false and
   * the state tells who decided when.
   */
  public Outcome decide(
      String requestId, DecisionKind kind, DirectoryUser user, Channel channel, String comment) {
    try {
      return new Outcome(take(requestId, kind, user, channel, comment), true);
    } catch (DecisionConflictException tooLate) {
      return new Outcome(service.get(requestId), false);
    }
  }

  /** Whether this user may approve or deny the request (designated approver, not the requester). */
  public boolean mayDecide(DirectoryUser user, LockboxState state) {
    try {
      RequestAccessPolicy.requireMayDecide(DecisionKind.APPROVE, user, state);
      return true;
    } catch (NotAllowedException notAnApprover) {
      return false;
    }
  }

  /** The newest requests this user may see, optionally of one status and tenant. */
  public SummaryPage list(DirectoryUser user, String status, String tenantId, int page, int size) {
    return summaries.find(RequestAccessPolicy.scope(user, status, tenantId, page, size));
  }

  /**
   * A decision's outcome.
   *
   * @param taken false when the request was already decided or expired; {@code state} says how
   */
  public record Outcome(LockboxState state, boolean taken) {}
}
