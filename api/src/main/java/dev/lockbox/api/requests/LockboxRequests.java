package dev.lockbox.api.requests;

import dev.lockbox.api.problems.DecisionConflictException;
import dev.lockbox.api.problems.IdempotencyConflictException;
import dev.lockbox.api.problems.NotAllowedException;
import dev.lockbox.api.problems.RequestNotFoundException;
import dev.lockbox.api.problems.TooManyAttemptsException;
import dev.lockbox.audit.AuditEvent;
import dev.lockbox.directory.DirectoryUser;
import dev.lockbox.readmodel.RequestSummaryRepository;
import dev.lockbox.readmodel.SummaryPage;
import dev.lockbox.workflows.model.Channel;
import dev.lockbox.workflows.model.Decision;
import dev.lockbox.workflows.model.DecisionKind;
import dev.lockbox.workflows.model.LockboxRequest;
import dev.lockbox.workflows.model.LockboxState;
import dev.lockbox.workflows.model.LockboxStatus;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Everything a caller may do with lockbox requests, for the REST API, the portal, the email links
 * and the audit API alike: create, read, list, decide, history. Each operation checks {@link
 * RequestAccessPolicy} for the signed-in user, then asks {@link LockboxWorkflows} (Temporal) or the
 * read model.
 */
@Service
public class LockboxRequests {

  private static final Logger log = LoggerFactory.getLogger(LockboxRequests.class);

  private final LockboxWorkflows workflows;
  private final LockboxRequestFactory factory;
  private final RequestSummaryRepository summaries;
  private final CreationLimiter limiter;
  private final SameKeyCreates sameKey;

  LockboxRequests(
      LockboxWorkflows workflows,
      LockboxRequestFactory factory,
      RequestSummaryRepository summaries,
      CreationLimiter limiter,
      SameKeyCreates sameKey) {
    this.workflows = workflows;
    this.sameKey = sameKey;
    this.factory = factory;
    this.summaries = summaries;
    this.limiter = limiter;
  }

  /**
   * @param isNew false when the Idempotency-Key had already started this same request
   */
  public record Created(LockboxState state, boolean isNew) {}

  /**
   * A decision's outcome.
   *
   * @param taken false when the request was already decided or expired; {@code state} says how
   */
  public record Outcome(LockboxState state, boolean taken) {}

  /**
   * Starts the engineer's request, or finds the one this idempotency key already started. A key
   * reused for a different request is refused ({@link IdempotencyConflictException}).
   */
  public Created create(DirectoryUser user, CreateLockboxRequestBody body, String idempotencyKey) {
    RequestAccessPolicy.requireMayCreate(user);
    LockboxRequest request = factory.create(user, body, idempotencyKey);
    return sameKey.oneAtATime(request.requestId(), () -> createOrFind(user, request));
  }

  /**
   * One call to Temporal for a new request: the start and the wait for its first answer. Only a key
   * already used then asks for the existing request, which must be the same one.
   */
  private Created createOrFind(DirectoryUser user, LockboxRequest request) {
    try {
      limiter.acquire(user.id());
    } catch (TooManyAttemptsException overLimit) {
      // A repeat of a request already made is answered even when the engineer is at the limit.
      LockboxState existing = workflows.find(request.requestId()).orElseThrow(() -> overLimit);
      return new Created(sameRequest(existing, request), false);
    }
    Optional<LockboxState> created = workflows.startAndSettle(request);
    if (created.isPresent()) {
      return new Created(created.get(), true);
    }
    // This key started a request before (or a concurrent create just did): not a new request.
    limiter.release(user.id());
    return new Created(sameRequest(workflows.settled(request.requestId()), request), false);
  }

  private static LockboxState sameRequest(LockboxState existing, LockboxRequest request) {
    if (!sameAsking(existing.request(), request)) {
      throw new IdempotencyConflictException(
          "This Idempotency-Key already started a different request ("
              + request.requestId()
              + ").");
    }
    return existing;
  }

  /** The request, if this user may see it; otherwise {@link RequestNotFoundException}. */
  public LockboxState visible(String requestId, DirectoryUser user) {
    LockboxState state = workflows.get(requestId);
    if (!RequestAccessPolicy.canSee(user, state.request())) {
      throw new RequestNotFoundException(requestId);
    }
    return state;
  }

  /** The newest requests this user may see, optionally of one status (null: any) and tenant. */
  public SummaryPage list(
      DirectoryUser user, LockboxStatus status, String tenantId, int page, int size) {
    String statusName = status == null ? null : status.name();
    return summaries.find(RequestAccessPolicy.scope(user, statusName, tenantId, page, size));
  }

  /**
   * Sends the user's decision and returns the state after it. Not allowed: {@link
   * NotAllowedException}; no longer possible (already decided, expired): {@link
   * DecisionConflictException} with the current status.
   */
  public LockboxState decide(
      String requestId, DecisionKind kind, DirectoryUser user, Channel channel, String comment) {
    try {
      return decideOrRefuse(requestId, kind, user, channel, comment);
    } catch (NotAllowedException | DecisionConflictException refused) {
      // One line at INFO, no stack trace: a refusal is an answer, and any caller can cause many.
      log.info(
          "Decision refused: {} of request {} by {}: {}",
          kind,
          requestId,
          user.id(),
          refused.getMessage());
      throw refused;
    }
  }

  private LockboxState decideOrRefuse(
      String requestId, DecisionKind kind, DirectoryUser user, Channel channel, String comment) {
    LockboxState state = visible(requestId, user);
    RequestAccessPolicy.requireMayDecide(kind, user, state);
    if (state.status().isFinal()) {
      throw DecisionConflictException.noLongerPossible(state.status());
    }
    // An approval starts a grant that ends by itself in a moment: the answer shows its result.
    return workflows.update(requestId, kind, new Decision(user.id(), channel, comment));
  }

  /**
   * {@link #decide} for pages that show "too late" rather than fail: then {@code taken} is false
   * and the state tells who decided when.
   */
  public Outcome tryDecide(
      String requestId, DecisionKind kind, DirectoryUser user, Channel channel, String comment) {
    try {
      return new Outcome(decide(requestId, kind, user, channel, comment), true);
    } catch (DecisionConflictException tooLate) {
      return new Outcome(workflows.get(requestId), false);
    }
  }

  /** Whether this user may approve or deny the request (designated approver, not the requester). */
  public boolean mayDecide(DirectoryUser user, LockboxState state) {
    return mayTake(DecisionKind.APPROVE, user, state);
  }

  /** Whether the rules let this user take this step (e.g. revoke, cancel) on the request. */
  public boolean mayTake(DecisionKind kind, DirectoryUser user, LockboxState state) {
    try {
      RequestAccessPolicy.requireMayDecide(kind, user, state);
      return true;
    } catch (NotAllowedException notAllowed) {
      return false;
    }
  }

  /** The workflow's event history in Temporal's JSON format (what the Web UI downloads). */
  public String history(String requestId, DirectoryUser user) {
    visible(requestId, user);
    return workflows
        .history(requestId)
        .orElseThrow(() -> new RequestNotFoundException(requestId))
        .toJson(true);
  }

  /**
   * The request's audit trail, for whoever may see the request. It is read from the history alone,
   * so the requester and tenant are those of its first event.
   */
  public List<AuditEvent> trail(String requestId, DirectoryUser user) {
    List<AuditEvent> trail =
        workflows.trail(requestId).orElseThrow(() -> new RequestNotFoundException(requestId));
    AuditEvent created = trail.isEmpty() ? null : trail.get(0);
    if (created == null || !RequestAccessPolicy.canSee(user, created.actor(), created.tenantId())) {
      throw new RequestNotFoundException(requestId);
    }
    return trail;
  }

  /** The same request asked again: everything but the id-derived and server-side fields match. */
  private static boolean sameAsking(LockboxRequest existing, LockboxRequest asked) {
    return Objects.equals(existing.supportTicketId(), asked.supportTicketId())
        && Objects.equals(existing.tenantId(), asked.tenantId())
        && Objects.equals(existing.subscriptionId(), asked.subscriptionId())
        && Objects.equals(existing.resourceType(), asked.resourceType())
        && Objects.equals(existing.resourceId(), asked.resourceId())
        && Objects.equals(existing.accessLevel(), asked.accessLevel())
        && Objects.equals(existing.justification(), asked.justification())
        && Objects.equals(existing.accessDuration(), asked.accessDuration());
  }
}
