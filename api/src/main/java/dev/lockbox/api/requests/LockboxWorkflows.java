package dev.lockbox.api.requests;

import dev.lockbox.api.logging.WorkflowIdLogContext;
import dev.lockbox.api.problems.DecisionConflictException;
import dev.lockbox.api.problems.RequestNotFoundException;
import dev.lockbox.api.problems.TemporalBusyException;
import dev.lockbox.api.problems.TemporalErrors;
import dev.lockbox.api.problems.TemporalUnavailableException;
import dev.lockbox.audit.AuditEvent;
import dev.lockbox.audit.AuditTrail;
import dev.lockbox.audit.HistorySource;
import dev.lockbox.workflows.LockboxErrors;
import dev.lockbox.workflows.LockboxNames;
import dev.lockbox.workflows.LockboxWorkflow;
import dev.lockbox.workflows.model.Decision;
import dev.lockbox.workflows.model.DecisionKind;
import dev.lockbox.workflows.model.LockboxRequest;
import dev.lockbox.workflows.model.LockboxState;
import dev.lockbox.workflows.model.LockboxStatus;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.client.UpdateOptions;
import io.temporal.client.WithStartWorkflowOperation;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowException;
import io.temporal.client.WorkflowExecutionDescription;
import io.temporal.client.WorkflowExecutionMetadata;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowQueryException;
import io.temporal.client.WorkflowServiceException;
import io.temporal.client.WorkflowStub;
import io.temporal.client.WorkflowUpdateHandle;
import io.temporal.client.WorkflowUpdateStage;
import io.temporal.client.WorkflowUpdateTimeoutOrCancelledException;
import io.temporal.common.SearchAttributes;
import io.temporal.common.WorkflowExecutionHistory;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The one class that talks to Temporal about lockbox requests: start a workflow, read its state,
 * send a decision as an Update, fetch its history. It turns Temporal's exceptions into the api's
 * and knows nothing of users or access rules: callers go through {@link LockboxRequests}.
 */
@Service
public class LockboxWorkflows {

  private static final Logger log = LoggerFactory.getLogger(LockboxWorkflows.class);

  /** How long a caller waits for a just-taken step to settle (evaluation, grant, revoke). */
  private static final Duration SETTLE = Duration.ofSeconds(5);

  /** A history download may page through many events: longer than one call, still bounded. */
  private static final Duration HISTORY_DEADLINE = Duration.ofSeconds(30);

  /** How long to pause before asking again a workflow that has too many queries waiting. */
  private static final Duration BUSY_PAUSE = Duration.ofMillis(20);

  /** Request ids are UUIDs (random, or derived from an Idempotency-Key). */
  private static final Pattern REQUEST_ID = Pattern.compile("[0-9a-fA-F-]{1,64}");

  private final WorkflowClient client;
  private final HistorySource histories;
  private final Duration callDeadline;

  /**
   * @param callDeadline how long one call to Temporal may take, its retries of an unreachable
   *     service included, before the caller gets a 503 (well under common proxy timeouts)
   */
  LockboxWorkflows(
      WorkflowClient client,
      @Value("${lockbox.temporal.call-deadline:PT3S}") Duration callDeadline) {
    this.client = client;
    this.histories = HistorySource.temporal(client);
    this.callDeadline = callDeadline;
  }

  /**
   * Starts the request's workflow and, in the same call (Update-with-Start), waits for its first
   * answer: the state once the JIT policy has answered and the read model shows it. Empty when the
   * id already has a workflow (a repeated or concurrent create with the same Idempotency-Key): see
   * {@link LockboxStartOptions}; only the caller whose start made the workflow gets a state.
   */
  Optional<LockboxState> startAndSettle(LockboxRequest request) {
    LockboxWorkflow workflow =
        client.newWorkflowStub(LockboxWorkflow.class, LockboxStartOptions.options(request));
    Started started =
        TemporalErrors.callWithin(callDeadline, () -> startWithUpdate(workflow, request));
    if (started.already()) {
      return Optional.empty();
    }
    LockboxState state =
        started.state() != null ? started.state() : afterNoAnswer(request, started);
    WorkflowIdLogContext.put(request.requestId());
    log.info("Started lockbox request: {}", LockboxStartOptions.summary(request));
    return Optional.of(state);
  }

  /**
   * No answer within the deadline: the start went through and its worker is slow (or reconnecting),
   * or Temporal is unreachable. Describing the workflow, which needs no worker, tells which: the
   * request (as settled as it gets within {@link #SETTLE}), or a 503 with nothing started. Never a
   * 503 for a request that was started, so its one 201 is not lost.
   */
  private LockboxState afterNoAnswer(LockboxRequest request, Started noAnswer) {
    String workflowId = LockboxNames.workflowId(request.requestId());
    WorkflowExecutionDescription started;
    try {
      started =
          TemporalErrors.callWithin(
              callDeadline, () -> client.newUntypedWorkflowStub(workflowId).describe());
    } catch (WorkflowNotFoundException nothingStarted) {
      throw new TemporalUnavailableException(noAnswer.timeout());
    } catch (WorkflowServiceException e) {
      if (grpcCode(e) == Status.Code.NOT_FOUND) {
        throw new TemporalUnavailableException(noAnswer.timeout());
      }
      throw e;
    }
    return settled(
        request.requestId(), () -> LockboxState.evaluating(request, started.getStartTime()));
  }

  /** What an Update-with-Start came to: the settled state, an existing workflow, or no answer. */
  private record Started(LockboxState state, boolean already, RuntimeException timeout) {
    static final Started ALREADY = new Started(null, true, null);

    static Started noAnswer(RuntimeException timeout) {
      return new Started(null, false, timeout);
    }
  }

  /**
   * A call that ran out of time, or whose connection failed, may have reached the server before its
   * answer was lost (seen while a connection to Temporal came back).
   */
  private static boolean mayHaveStarted(WorkflowServiceException e) {
    Status.Code code = grpcCode(e);
    return code == Status.Code.DEADLINE_EXCEEDED || code == Status.Code.UNAVAILABLE;
  }

  /** The gRPC status code the SDK wrapped, if any. */
  private static Status.Code grpcCode(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof StatusRuntimeException grpc) {
        return grpc.getStatus().getCode();
      }
    }
    return null;
  }

  private static Started startWithUpdate(LockboxWorkflow workflow, LockboxRequest request) {
    UpdateOptions<LockboxState> settle =
        UpdateOptions.newBuilder(LockboxState.class)
            .setWaitForStage(WorkflowUpdateStage.COMPLETED)
            .build();
    try {
      return new Started(
          WorkflowClient.executeUpdateWithStart(
              workflow::awaitSettled,
              settle,
              new WithStartWorkflowOperation<>(workflow::run, request)),
          false,
          null);
    } catch (WorkflowUpdateTimeoutOrCancelledException noAnswer) {
      return Started.noAnswer(noAnswer);
    } catch (WorkflowServiceException e) {
      if (e.getCause() instanceof WorkflowUpdateTimeoutOrCancelledException || mayHaveStarted(e)) {
        return Started.noAnswer(e);
      }
      if (grpcCode(e) == Status.Code.ALREADY_EXISTS) {
        return Started.ALREADY;
      }
      throw e;
    }
  }

  LockboxState get(String requestId) {
    return find(requestId).orElseThrow(() -> new RequestNotFoundException(requestId));
  }

  Optional<LockboxState> find(String requestId) {
    if (!REQUEST_ID.matcher(requestId).matches()) {
      // Not an id Lockbox ever gives out: no need to ask Temporal.
      return Optional.empty();
    }
    long deadline = System.nanoTime() + callDeadline.toNanos();
    while (true) {
      try {
        return query(requestId);
      } catch (TemporalBusyException busy) {
        // Many callers asked while the workflow was in a task (e.g. one key's concurrent creates).
        if (System.nanoTime() > deadline) {
          throw busy;
        }
        sleep(BUSY_PAUSE.multipliedBy(1 + ThreadLocalRandom.current().nextInt(4)));
      }
    }
  }

  private Optional<LockboxState> query(String requestId) {
    try {
      return Optional.of(TemporalErrors.callWithin(callDeadline, () -> stub(requestId).getState()));
    } catch (WorkflowNotFoundException e) {
      return Optional.empty();
    } catch (WorkflowQueryException e) {
      if (e.getCause() instanceof WorkflowNotFoundException) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /**
   * Sends a decision as an Update. A refusal by the workflow's validator arrives at once; an
   * accepted decision is awaited for a few seconds (an approve until access is granted), then the
   * current state is returned.
   */
  LockboxState update(String requestId, DecisionKind kind, Decision decision) {
    try {
      return sendUpdate(requestId, LockboxWorkflow.updateName(kind), decision);
    } catch (WorkflowException e) {
      RuntimeException refusal = WorkflowRefusals.of(e);
      throw refusal instanceof DecisionConflictException && !isRace(e)
          ? refusal
          : afterOtherDecision(requestId, refusal);
    }
  }

  /**
   * Sends a question, an answer or an extension message as the Update of this name and returns the
   * state after it; refusals become the api's exceptions as a decision's do.
   */
  LockboxState message(String requestId, String updateName, Object message) {
    try {
      return sendUpdate(requestId, updateName, message);
    } catch (WorkflowException e) {
      throw WorkflowRefusals.of(e);
    }
  }

  private LockboxState sendUpdate(String requestId, String updateName, Object argument) {
    WorkflowStub untyped = WorkflowStub.fromTyped(stub(requestId));
    UpdateOptions<LockboxState> options =
        UpdateOptions.newBuilder(LockboxState.class)
            .setUpdateName(updateName)
            .setWaitForStage(WorkflowUpdateStage.ACCEPTED)
            .build();
    try {
      // A refusal may surface from startUpdate or, as a completed handle, from getResult.
      WorkflowUpdateHandle<LockboxState> handle =
          TemporalErrors.callWithin(callDeadline, () -> untyped.startUpdate(options, argument));
      // The result is a long poll: bounded by SETTLE, and by a deadline should Temporal go away.
      LockboxState result =
          TemporalErrors.callWithin(
              SETTLE.plus(callDeadline),
              () -> handle.getResult(SETTLE.toMillis(), TimeUnit.MILLISECONDS));
      // Requests made before approval-answers-once-granted answer an approve before the grant.
      return result.status().settled() ? result : settled(requestId);
    } catch (WorkflowUpdateTimeoutOrCancelledException stillWorking) {
      // Accepted, still being carried out (e.g. a revoke the access system is slow to confirm).
      return get(requestId);
    } catch (WorkflowNotFoundException closedMeanwhile) {
      throw DecisionConflictException.noLongerPossible(get(requestId).status());
    }
  }

  /**
   * A decision refused because another one was accepted a moment earlier still sees the status from
   * before it (PENDING): report the status that decision leads to once the workflow has taken it,
   * so every loser of a race learns who won.
   */
  private RuntimeException afterOtherDecision(String requestId, RuntimeException refusal) {
    if (!(refusal instanceof DecisionConflictException conflict)
        || !isAwaitingDecision(conflict.currentStatus())) {
      return refusal;
    }
    long deadline = System.nanoTime() + SETTLE.toNanos();
    while (System.nanoTime() < deadline) {
      Optional<LockboxState> state = findWhileStarting(requestId);
      if (state.isPresent() && !isAwaitingDecision(state.get().status().name())) {
        LockboxStatus now = state.get().status();
        return new DecisionConflictException(
            "Another decision was taken first: the request is " + now + ".", now.name());
      }
      sleep(Duration.ofMillis(25));
    }
    return refusal;
  }

  private static boolean isAwaitingDecision(String status) {
    return LockboxStatus.PENDING.name().equals(status)
        || LockboxStatus.INTERNAL_REVIEW.name().equals(status);
  }

  /** Waits briefly while the workflow is in a step that ends by itself (evaluating, granting). */
  LockboxState settled(String requestId) {
    return settled(requestId, () -> get(requestId));
  }

  /** {@link #settled}, with the answer for a workflow that cannot be read yet. */
  private LockboxState settled(String requestId, Supplier<LockboxState> unreadable) {
    long deadline = System.nanoTime() + SETTLE.toNanos();
    while (true) {
      Optional<LockboxState> state = findWhileStarting(requestId);
      if (state.isPresent() && state.get().status().settled()) {
        return state.get();
      }
      if (System.nanoTime() > deadline) {
        return state.orElseGet(unreadable);
      }
      sleep(Duration.ofMillis(25));
    }
  }

  /** The workflow's event history, or empty when Temporal no longer has it (retention). */
  Optional<WorkflowExecutionHistory> history(String requestId) {
    return TemporalErrors.callWithin(
        HISTORY_DEADLINE, () -> histories.fetch(LockboxNames.workflowId(requestId)));
  }

  /** The request's audit events, read from its history; empty when there is none. */
  public Optional<List<AuditEvent>> trail(String requestId) {
    return history(requestId).map(h -> AuditTrail.of(requestId, h));
  }

  /**
   * Every lockbox request workflow Temporal's visibility lists, by request id, with its search
   * attributes: the read model check's cheap index. Throws {@code UNIMPLEMENTED} on the Java test
   * server, which has no List.
   */
  public Map<String, SearchAttributes> indexed() {
    Map<String, SearchAttributes> indexed = new HashMap<>();
    try (Stream<WorkflowExecutionMetadata> executions =
        client.listExecutions("WorkflowType = '" + LockboxNames.WORKFLOW_TYPE + "'")) {
      executions.forEach(
          execution -> {
            String requestId = LockboxNames.requestId(execution.getExecution().getWorkflowId());
            if (requestId != null) {
              indexed.put(requestId, execution.getTypedSearchAttributes());
            }
          });
    }
    return indexed;
  }

  /** The request's state as its workflow has it, for an operator (no access rules apply). */
  public LockboxState state(String requestId) {
    return get(requestId);
  }

  private Optional<LockboxState> findWhileStarting(String requestId) {
    try {
      return find(requestId);
    } catch (WorkflowQueryException | TemporalUnavailableException notReadyYet) {
      // Busy, or the query waited out its deadline behind a slow first workflow task: ask again
      // until SETTLE; the last ask (get) then answers or fails as any read would.
      return Optional.empty();
    }
  }

  /**
   * Whether a conflict may be another decision winning a race; an approval already counted is the
   * caller's own, answered at once.
   */
  private static boolean isRace(WorkflowException e) {
    return LockboxErrors.refusalIn(e)
        .map(f -> !LockboxErrors.ALREADY_APPROVED.name().equals(f.getType()))
        .orElse(true);
  }

  private LockboxWorkflow stub(String requestId) {
    return client.newWorkflowStub(LockboxWorkflow.class, LockboxNames.workflowId(requestId));
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
