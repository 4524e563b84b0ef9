package dev.lockbox.api.requests;

import dev.lockbox.api.logging.WorkflowIdLogContext;
import dev.lockbox.api.problems.DecisionConflictException;
import dev.lockbox.api.problems.NotAllowedException;
import dev.lockbox.api.problems.RequestNotFoundException;
import dev.lockbox.api.problems.TemporalErrors;
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
import io.temporal.client.UpdateOptions;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowException;
import io.temporal.client.WorkflowExecutionMetadata;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowQueryException;
import io.temporal.client.WorkflowStub;
import io.temporal.client.WorkflowUpdateHandle;
import io.temporal.client.WorkflowUpdateStage;
import io.temporal.client.WorkflowUpdateTimeoutOrCancelledException;
import io.temporal.common.SearchAttributes;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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

  /** Request ids are UUIDs (random, or derived from an Idempotency-Key). */
  private static final Pattern REQUEST_ID = Pattern.compile("[0-9a-fA-F-]{1,64}");

  private final WorkflowClient client;
  private final HistorySource histories;

  LockboxWorkflows(WorkflowClient client) {
    this.client = client;
    this.histories = HistorySource.temporal(client);
  }

  /** Starts the request's workflow (a repeated start joins it: see {@link LockboxStartOptions}). */
  void start(LockboxRequest request) {
    TemporalErrors.call(
        () -> {
          LockboxWorkflow workflow =
              client.newWorkflowStub(LockboxWorkflow.class, LockboxStartOptions.options(request));
          WorkflowClient.start(workflow::run, request);
          WorkflowIdLogContext.put(request.requestId());
          log.info("Started lockbox request: {}", LockboxStartOptions.summary(request));
          return null;
        });
  }

  LockboxState get(String requestId) {
    return find(requestId).orElseThrow(() -> new RequestNotFoundException(requestId));
  }

  Optional<LockboxState> find(String requestId) {
    if (!REQUEST_ID.matcher(requestId).matches()) {
      // Not an id Lockbox ever gives out: no need to ask Temporal.
      return Optional.empty();
    }
    try {
      return Optional.of(TemporalErrors.call(() -> stub(requestId).getState()));
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
   * accepted decision is awaited for a few seconds, then the current state is returned.
   */
  LockboxState update(String requestId, DecisionKind kind, Decision decision) {
    WorkflowStub untyped = WorkflowStub.fromTyped(stub(requestId));
    UpdateOptions<LockboxState> options =
        UpdateOptions.newBuilder(LockboxState.class)
            .setUpdateName(LockboxWorkflow.updateName(kind))
            .setWaitForStage(WorkflowUpdateStage.ACCEPTED)
            .build();
    try {
      // A refusal may surface from startUpdate or, as a completed handle, from getResult.
      WorkflowUpdateHandle<LockboxState> handle =
          TemporalErrors.call(() -> untyped.startUpdate(options, decision));
      return handle.getResult(SETTLE.toMillis(), TimeUnit.MILLISECONDS);
    } catch (WorkflowUpdateTimeoutOrCancelledException stillWorking) {
      // Accepted, still being carried out (e.g. a revoke the access system is slow to confirm).
      return get(requestId);
    } catch (WorkflowNotFoundException closedMeanwhile) {
      throw DecisionConflictException.noLongerPossible(get(requestId).status());
    } catch (WorkflowException e) {
      throw refusal(e);
    }
  }

  /** Waits briefly while the workflow is in a step that ends by itself (evaluating, granting). */
  LockboxState settled(String requestId) {
    long deadline = System.nanoTime() + SETTLE.toNanos();
    while (true) {
      Optional<LockboxState> state = findWhileStarting(requestId);
      if (state.isPresent() && !isTransient(state.get().status())) {
        return state.get();
      }
      if (System.nanoTime() > deadline) {
        return state.orElseGet(() -> get(requestId));
      }
      sleep(Duration.ofMillis(25));
    }
  }

  /** The workflow's event history, or empty when Temporal no longer has it (retention). */
  Optional<WorkflowExecutionHistory> history(String requestId) {
    return TemporalErrors.call(() -> histories.fetch(LockboxNames.workflowId(requestId)));
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
    } catch (WorkflowQueryException notReadyYet) {
      return Optional.empty();
    }
  }

  private static boolean isTransient(LockboxStatus status) {
    return status == LockboxStatus.EVALUATING || status == LockboxStatus.APPROVED;
  }

  private static RuntimeException refusal(WorkflowException e) {
    Optional<ApplicationFailure> refusal = LockboxErrors.refusalIn(e);
    if (refusal.isEmpty()) {
      return e;
    }
    ApplicationFailure failure = refusal.get();
    if (LockboxErrors.NOT_ALLOWED.name().equals(failure.getType())) {
      return new NotAllowedException(failure.getOriginalMessage());
    }
    String status = failure.getDetails().get(String.class);
    return new DecisionConflictException(failure.getOriginalMessage(), status);
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
