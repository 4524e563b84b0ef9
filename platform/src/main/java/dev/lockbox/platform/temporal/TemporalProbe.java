package dev.lockbox.platform.temporal;

import io.grpc.ConnectivityState;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.workflowservice.v1.DescribeNamespaceRequest;
import io.temporal.api.workflowservice.v1.GetSystemInfoRequest;
import io.temporal.api.workflowservice.v1.WorkflowServiceGrpc.WorkflowServiceBlockingStub;
import io.temporal.serviceclient.WorkflowServiceStubs;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * One cheap round trip that tells whether Temporal answers and knows Lockbox's namespace. Start-up
 * waits on it and the health endpoint reports it.
 */
public class TemporalProbe {

  /** What Temporal answered: {@code problem} is null when it is usable. */
  public record Answer(String serverVersion, String problem) {
    public boolean ok() {
      return problem == null;
    }
  }

  private final WorkflowServiceStubs stubs;
  private final TemporalSettings settings;

  public TemporalProbe(WorkflowServiceStubs stubs, TemporalSettings settings) {
    this.stubs = stubs;
    this.settings = settings;
  }

  /**
   * Asks with a deadline, so a hung or absent frontend cannot hang the caller (e.g. a health
   * check). The call waits for a connection within the deadline rather than failing at once while
   * the channel is between reconnection attempts, so a server that just came up is seen.
   */
  public Answer check(Duration deadline) {
    ManagedChannel channel = stubs.getRawChannel();
    if (channel.getState(false) == ConnectivityState.TRANSIENT_FAILURE) {
      // gRPC waits longer and longer between reconnection attempts; a probe wants the truth now.
      channel.resetConnectBackoff();
    }
    try {
      WorkflowServiceBlockingStub stub =
          stubs
              .blockingStub()
              .withWaitForReady()
              .withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS);
      String version =
          stub.getSystemInfo(GetSystemInfoRequest.getDefaultInstance()).getServerVersion();
      stub.describeNamespace(
          DescribeNamespaceRequest.newBuilder().setNamespace(settings.namespace()).build());
      // The embedded test server reports no version.
      return new Answer(version.isBlank() ? "unknown" : version, null);
    } catch (StatusRuntimeException e) {
      return new Answer(null, problem(e, deadline));
    }
  }

  private String problem(StatusRuntimeException e, Duration deadline) {
    if (e.getStatus().getCode() == Status.Code.DEADLINE_EXCEEDED) {
      return "no answer within "
          + deadline.toMillis()
          + " ms (connection "
          + stubs.getRawChannel().getState(false)
          + ")";
    }
    String description = e.getStatus().getDescription();
    return e.getStatus().getCode() + (description == null ? "" : ": " + description);
  }

  public TemporalSettings settings() {
    return settings;
  }
}
