package dev.lockbox.api.requests;

import dev.lockbox.api.problems.DecisionConflictException;
import dev.lockbox.api.problems.NotAllowedException;
import dev.lockbox.api.problems.RequestNotFoundException;
import dev.lockbox.api.problems.TemporalErrors;
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
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowQueryException;
import io.temporal.client.WorkflowStub;
import io.temporal.client.WorkflowUpdateHandle;
import io.temporal.client.WorkflowUpdateStage;
import io.temporal.client.WorkflowUpdateTimeoutOrCancelledException;
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Service;

/** Talks to the lockbox workflows through the Temporal client: start, read, decide, history. */
@Service
class LockboxRequestService {

  /** How long a caller waits for a just-taken step to settle (evaluation, grant, revoke). */
  private static final Duration SETTLE = Duration.ofSeconds(5);

  /** Request ids are UUIDs (random, or derived from an Idempotency-Key). */
  private static final java.util.regex.Pattern REQUEST_ID =
      java.util.regex.Pattern.compile("[0-9a-fA-F-]{1,64}");

  private final WorkflowClient client;
  private final LockboxStarter starter;

  LockboxRequestService(WorkflowClient client) {
    this.client = client;
    this.starter = new LockboxStarter(client);
  }

  /** Starts the request's workflow, or finds the one this idempotency key already started. */
  Created create(LockboxRequest request) {
    Optional<LockboxState> existing = find(request.requestId());
    if (existing.isPresent()) {
      return new Created(existing.get(), false);
    }
    TemporalErrors.call(
        () -> {
          starter.start(request);
          return null;
        });
    return new Created(settled(request.requestId()), true);
  }

  record Created(LockboxState state, boolean isNew) {}

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
  LockboxState decide(String requestId, DecisionKind kind, Decision decision) {
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
      LockboxState now = get(requestId);
      throw new DecisionConflictException(noLongerPossible(now.status()), now.status().name());
    } catch (WorkflowException e) {
      throw refusal(e);
    }
  }

  /** The workflow's event history in Temporal's JSON format (what the Web UI downloads). */
  String history(String requestId) {
    return TemporalErrors.call(
        () -> client.fetchHistory(LockboxNames.workflowId(requestId)).toJson(true));
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

  static String noLongerPossible(LockboxStatus status) {
    return "The request is " + status + "; this decision is no longer possible.";
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
