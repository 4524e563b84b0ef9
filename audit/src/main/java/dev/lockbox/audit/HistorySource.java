package dev.lockbox.audit;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowServiceException;
import io.temporal.common.WorkflowExecutionHistory;
import java.util.Optional;

/** Where histories come from: Temporal in production; tests may serve recorded ones. */
@FunctionalInterface
public interface HistorySource {

  /** The history of a workflow, or empty when Temporal no longer has it (retention). */
  Optional<WorkflowExecutionHistory> fetch(String workflowId);

  static HistorySource temporal(WorkflowClient client) {
    return workflowId -> {
      try {
        return Optional.of(client.fetchHistory(workflowId));
      } catch (WorkflowNotFoundException e) {
        return Optional.empty();
      } catch (StatusRuntimeException e) {
        if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
          return Optional.empty();
        }
        throw e;
      } catch (WorkflowServiceException e) {
        if (e.getCause() instanceof StatusRuntimeException grpc
            && grpc.getStatus().getCode() == Status.Code.NOT_FOUND) {
          return Optional.empty();
        }
        throw e;
      }
    };
  }
}
