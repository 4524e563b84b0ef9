package dev.lockbox.worker.tasks;

import com.google.protobuf.ByteString;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall.SimpleForwardingClientCall;
import io.grpc.ForwardingClientCallListener.SimpleForwardingClientCallListener;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.temporal.api.workflowservice.v1.PollWorkflowTaskQueueResponse;
import io.temporal.api.workflowservice.v1.RespondWorkflowTaskCompletedRequest;
import io.temporal.api.workflowservice.v1.RespondWorkflowTaskCompletedResponse;
import io.temporal.api.workflowservice.v1.WorkflowServiceGrpc;

/**
 * Watches the worker's conversation with Temporal for workflow tasks that keep failing: every
 * workflow task handed out (a poll's answer, or the next task handed back with a completion)
 * carries its workflow id and attempt number, and a completion the server accepts ends the failing.
 * The SDK keeps no such count of its own; the messages are read, never changed.
 */
public final class WorkflowTaskWatch implements ClientInterceptor {

  private static final String POLL =
      WorkflowServiceGrpc.getPollWorkflowTaskQueueMethod().getFullMethodName();
  private static final String COMPLETE =
      WorkflowServiceGrpc.getRespondWorkflowTaskCompletedMethod().getFullMethodName();

  private final FailingWorkflowTasks tasks;

  public WorkflowTaskWatch(FailingWorkflowTasks tasks) {
    this.tasks = tasks;
  }

  @Override
  public <Q, A> ClientCall<Q, A> interceptCall(
      MethodDescriptor<Q, A> method, CallOptions options, Channel next) {
    ClientCall<Q, A> call = next.newCall(method, options);
    String name = method.getFullMethodName();
    return POLL.equals(name) || COMPLETE.equals(name) ? new Watched<>(call) : call;
  }

  private void handedOut(PollWorkflowTaskQueueResponse task) {
    if (!task.getTaskToken().isEmpty() && task.hasWorkflowExecution()) {
      tasks.polled(
          task.getWorkflowExecution().getWorkflowId(),
          task.getWorkflowType().getName(),
          task.getAttempt(),
          task.getTaskToken());
    }
  }

  /** One poll or completion: what goes out and what comes back. */
  private final class Watched<Q, A> extends SimpleForwardingClientCall<Q, A> {

    private ByteString completedToken;

    Watched(ClientCall<Q, A> call) {
      super(call);
    }

    @Override
    public void sendMessage(Q message) {
      if (message instanceof RespondWorkflowTaskCompletedRequest completion) {
        completedToken = completion.getTaskToken();
      }
      super.sendMessage(message);
    }

    @Override
    public void start(Listener<A> listener, Metadata headers) {
      super.start(
          new SimpleForwardingClientCallListener<>(listener) {
            @Override
            public void onMessage(A message) {
              if (message instanceof PollWorkflowTaskQueueResponse task) {
                handedOut(task);
              } else if (message instanceof RespondWorkflowTaskCompletedResponse next
                  && next.hasWorkflowTask()) {
                handedOut(next.getWorkflowTask());
              }
              super.onMessage(message);
            }

            @Override
            public void onClose(Status status, Metadata trailers) {
              if (status.isOk() && completedToken != null) {
                tasks.completed(completedToken);
              }
              super.onClose(status, trailers);
            }
          },
          headers);
    }
  }
}
