package dev.lockbox.workflows.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lockbox.workflows.LockboxNames;
import dev.lockbox.workflows.LockboxSearchAttributes;
import dev.lockbox.workflows.LockboxWorkflow;
import dev.lockbox.workflows.LockboxWorkflowImpl;
import dev.lockbox.workflows.activities.AccessActivities;
import dev.lockbox.workflows.activities.AccessExtension;
import dev.lockbox.workflows.activities.AccessGrant;
import dev.lockbox.workflows.activities.ApprovalNotice;
import dev.lockbox.workflows.activities.DirectoryActivities;
import dev.lockbox.workflows.activities.NotificationActivities;
import dev.lockbox.workflows.activities.PolicyActivities;
import dev.lockbox.workflows.activities.ReadModelActivities;
import dev.lockbox.workflows.activities.RequesterNotice;
import dev.lockbox.workflows.model.Decision;
import dev.lockbox.workflows.model.JitEvaluation;
import dev.lockbox.workflows.model.LockboxRequest;
import dev.lockbox.workflows.model.LockboxState;
import dev.lockbox.workflows.model.LockboxStatus;
import dev.lockbox.workflows.testing.FakeActivities;
import dev.lockbox.workflows.testing.LockboxTestRequests;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall;
import io.grpc.ForwardingClientCallListener;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.command.v1.Command;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.api.operatorservice.v1.AddSearchAttributesRequest;
import io.temporal.api.workflowservice.v1.RespondWorkflowTaskCompletedRequest;
import io.temporal.client.UpdateOptions;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.client.WorkflowUpdateStage;
import io.temporal.common.SearchAttributes;
import io.temporal.failure.CanceledFailure;
import io.temporal.serviceclient.OperatorServiceStubs;
import io.temporal.serviceclient.OperatorServiceStubsOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.testserver.TestServer;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Reproduction of the approval-window boundary race: approve Updates sent at offsets spread over
 * ±spread ms around {@code expiresAt}, against a REAL-TIME server (the port-bound Java test server,
 * as the standalone app starts it, or a real Temporal server), with the real workflow and fake
 * activities. A try is stuck when the Update is not answered or the workflow does not close in
 * time. Part of the build at 40 tries; a bigger hammer, e.g.
 *
 * <pre>
 * mvn -B -q -pl workflows test -Dtest=ApprovalBoundaryRaceTest -Dsurefire.failIfNoSpecifiedTests=false \
 *   -Dboundary.tries=200 [-Dboundary.target=127.0.0.1:7233] [-Dboundary.parallel=4] \
 *   [-Dboundary.spreadMs=100] [-Dboundary.windowMs=2000] [-Dboundary.slowRecordMs=0] \
 *   [-Dboundary.expectNoStuck=false]
 * </pre>
 *
 * {@code boundary.slowRecordMs} makes the read-model local activity that records APPROVED take that
 * long: the workflow task that accepts the decision then stays open across the expiry, which makes
 * the race (nearly) deterministic.
 */
class ApprovalBoundaryRaceTest {

  private static final String APPROVER = FakeActivities.APPROVER;

  /**
   * 40 by default: the build's size (four at a time, about half a minute), enough that decisions
   * land on both sides of the expiry and inside the same workflow task as its timer.
   */
  private final int tries = Integer.getInteger("boundary.tries", 40);

  private final int parallel = Integer.getInteger("boundary.parallel", 4);
  private final int spreadMs = Integer.getInteger("boundary.spreadMs", 100);

  /** Offsets are spread over centerMs ± spreadMs around expiresAt. */
  private final int centerMs = Integer.getInteger("boundary.centerMs", 0);

  private final int windowMs = Integer.getInteger("boundary.windowMs", 2000);
  private final int accessMs = Integer.getInteger("boundary.accessMs", 500);
  private final int slowRecordMs = Integer.getInteger("boundary.slowRecordMs", 0);
  private final String target = System.getProperty("boundary.target", "test-server");

  /** False only to count how often an older workflow got stuck, without failing. */
  private final boolean expectNoStuck =
      Boolean.parseBoolean(System.getProperty("boundary.expectNoStuck", "true"));

  /**
   * approve (around expiresAt), revoke (around accessExpiresAt) or cancel (operator cancel around
   * expiresAt).
   */
  private final String action = System.getProperty("boundary.action", "approve");

  /** The statuses whose read-model write is slowed down by slowRecordMs. */
  private final List<String> slowStatuses =
      List.of(System.getProperty("boundary.slowStatuses", "APPROVED").split(","));

  enum Outcome {
    APPROVED_THEN_COMPLETED,
    REFUSED_THEN_EXPIRED,
    REVOKED_THEN_COMPLETED,
    REFUSED_ACCESS_ENDED,
    CANCELED,
    STUCK,
    INCONSISTENT
  }

  record Result(int index, long offsetMs, Outcome outcome, String detail) {}

  @Test
  void approvalsAroundExpiryNeverGetStuck() throws Exception {
    TestServer.PortBoundTestServer testServer = null;
    String address = target;
    if (target.equals("test-server")) {
      int port = freePort();
      testServer = TestServer.createPortBoundServer(port);
      address = "127.0.0.1:" + port;
    }
    WorkflowServiceStubs service =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder()
                .setTarget(address)
                .setGrpcClientInterceptors(List.of(new CompletionRecorder()))
                .build());
    registerSearchAttributes(address);
    WorkflowClient client =
        WorkflowClient.newInstance(
            service, WorkflowClientOptions.newBuilder().setNamespace("default").build());
    WorkerFactory factory = WorkerFactory.newInstance(client);
    String taskQueue = LockboxNames.TASK_QUEUE + "-boundary-" + UUID.randomUUID();
    Worker worker = factory.newWorker(taskQueue);
    worker.registerWorkflowImplementationTypes(LockboxWorkflowImpl.class);
    worker.registerActivitiesImplementations(
        new SlowRecordActivities(new FakeActivities(), slowRecordMs, slowStatuses));
    factory.start();

    // Unbounded: an Update that never gets an answer keeps its thread; it must not starve the next.
    ExecutorService pool = Executors.newCachedThreadPool();
    List<Result> results = new ArrayList<>();
    try {
      List<Future<Result>> futures = new ArrayList<>();
      String run = Long.toString(System.currentTimeMillis(), 36);
      ExecutorService tryPool = Executors.newFixedThreadPool(parallel);
      for (int i = 0; i < tries; i++) {
        int index = i;
        long offset =
            centerMs
                + (tries == 1
                    ? -spreadMs
                    : -spreadMs + Math.round(2.0 * spreadMs * i / (tries - 1)));
        futures.add(tryPool.submit(() -> oneTry(client, pool, taskQueue, run, index, offset)));
      }
      for (Future<Result> f : futures) {
        results.add(f.get());
      }
      tryPool.shutdownNow();
    } finally {
      pool.shutdownNow();
      factory.shutdownNow();
      factory.awaitTermination(5, TimeUnit.SECONDS);
      service.shutdownNow();
      if (testServer != null) {
        testServer.close();
      }
    }

    Map<Outcome, Long> counts =
        results.stream()
            .collect(Collectors.groupingBy(Result::outcome, TreeMap::new, Collectors.counting()));
    System.out.printf(
        "BOUNDARY action=%s target=%s tries=%d offsets=%+dms±%dms window=%dms slowRecord=%dms parallel=%d -> %s%n",
        action, target, tries, centerMs, spreadMs, windowMs, slowRecordMs, parallel, counts);
    results.stream()
        .filter(r -> r.outcome() == Outcome.STUCK || r.outcome() == Outcome.INCONSISTENT)
        .forEach(
            r ->
                System.out.printf(
                    "BOUNDARY   #%d offset=%+dms %s: %s%n",
                    r.index(), r.offsetMs(), r.outcome(), r.detail()));
    // Per 20 ms bucket, how often each outcome happened.
    Map<Long, Map<Outcome, Long>> byOffset =
        results.stream()
            .collect(
                Collectors.groupingBy(
                    r -> Math.floorDiv(r.offsetMs(), 20) * 20,
                    TreeMap::new,
                    Collectors.groupingBy(Result::outcome, TreeMap::new, Collectors.counting())));
    byOffset.forEach(
        (bucket, c) ->
            System.out.printf("BOUNDARY   offset [%+d,%+d) ms: %s%n", bucket, bucket + 20, c));
    if (expectNoStuck) {
      assertThat(results)
          .noneMatch(r -> r.outcome() == Outcome.STUCK || r.outcome() == Outcome.INCONSISTENT);
    }
  }

  private Result oneTry(
      WorkflowClient client,
      ExecutorService pool,
      String taskQueue,
      String run,
      int index,
      long offsetMs)
      throws Exception {
    String requestId = "boundary-" + run + "-" + index;
    LockboxRequest demo = LockboxTestRequests.demo(requestId);
    LockboxRequest request =
        demo.withWindows(Duration.ofMillis(windowMs), Duration.ofMillis(accessMs), null);
    LockboxWorkflow workflow =
        client.newWorkflowStub(
            LockboxWorkflow.class,
            WorkflowOptions.newBuilder()
                .setTaskQueue(taskQueue)
                .setWorkflowId(LockboxNames.workflowId(requestId))
                .setTypedSearchAttributes(
                    SearchAttributes.newBuilder()
                        .set(LockboxSearchAttributes.STATUS, "EVALUATING")
                        .set(LockboxSearchAttributes.TENANT_ID, request.tenantId())
                        .build())
                .build());
    WorkflowExecution execution = WorkflowClient.start(workflow::run, request);
    WorkflowStub untyped = WorkflowStub.fromTyped(workflow);

    Instant expiresAt = null;
    long deadline = System.currentTimeMillis() + 10_000;
    while (System.currentTimeMillis() < deadline) {
      LockboxState s = workflow.getState();
      if (s.status() == LockboxStatus.PENDING && s.expiresAt() != null) {
        expiresAt = s.expiresAt();
        break;
      }
      Thread.sleep(10);
    }
    if (expiresAt == null) {
      return new Result(index, offsetMs, Outcome.INCONSISTENT, "never reached PENDING");
    }
    Decision approver =
        new Decision(APPROVER, dev.lockbox.workflows.model.Channel.API, "boundary try " + index);
    Instant deadline2 = expiresAt;
    if (action.equals("revoke") || action.equals("cancel-access")) {
      // Approve at once, then revoke (or cancel the workflow) around the end of the access window.
      call(untyped, "approve", approver, pool);
      LockboxState granted = null;
      long until = System.currentTimeMillis() + 10_000;
      while (System.currentTimeMillis() < until) {
        LockboxState s = workflow.getState();
        if (s.status() == LockboxStatus.ACCESS_GRANTED && s.accessExpiresAt() != null) {
          granted = s;
          break;
        }
        Thread.sleep(10);
      }
      if (granted == null) {
        return new Result(index, offsetMs, Outcome.INCONSISTENT, "never reached ACCESS_GRANTED");
      }
      deadline2 = granted.accessExpiresAt();
    }
    long sendAt = deadline2.toEpochMilli() + offsetMs;
    long wait = sendAt - System.currentTimeMillis();
    if (wait > 0) {
      Thread.sleep(wait);
    }
    long sentLateBy = System.currentTimeMillis() - sendAt;

    Decision decision =
        action.equals("revoke")
            ? new Decision(demo.requester(), approver.channel(), "revoke")
            : approver;
    String updateOutcome;
    if (action.startsWith("cancel")) {
      try {
        untyped.cancel();
        updateOutcome = "cancel-requested";
      } catch (RuntimeException e) {
        updateOutcome = "refused"; // already closed
      }
    } else {
      updateOutcome = call(untyped, action, decision, pool);
    }

    String closed;
    try {
      LockboxState end = untyped.getResult(8, TimeUnit.SECONDS, LockboxState.class);
      closed = end.status().name();
    } catch (TimeoutException e) {
      closed = "open";
    } catch (WorkflowFailedException e) {
      closed = e.getCause() instanceof CanceledFailure ? "CANCELED" : "failed:" + e.getCause();
    } catch (RuntimeException e) {
      closed = "failed:" + e.getClass().getSimpleName();
    }

    String detail =
        "sentLateBy=" + sentLateBy + "ms update=" + updateOutcome + " workflow=" + closed;
    if (Boolean.getBoolean("boundary.printAll")) {
      System.out.println(
          "BOUNDARY   all #" + index + " " + detail + " " + historyTail(client, execution));
    }
    boolean approved = updateOutcome.startsWith("accepted");
    if (updateOutcome.equals("hung") || closed.equals("open")) {
      if (Boolean.getBoolean("boundary.probeLater")) {
        // A second decision on the stuck workflow: does it get an answer?
        detail += " laterDeny=" + call(untyped, "deny", approver, pool);
      }
      return new Result(
          index, offsetMs, Outcome.STUCK, detail + " " + historyTail(client, execution));
    }
    boolean refused = updateOutcome.equals("refused");
    switch (action) {
      case "approve" -> {
        if (approved && closed.equals("COMPLETED")) {
          return new Result(index, offsetMs, Outcome.APPROVED_THEN_COMPLETED, detail);
        }
        if (refused && closed.equals("EXPIRED")) {
          return new Result(index, offsetMs, Outcome.REFUSED_THEN_EXPIRED, detail);
        }
      }
      case "revoke" -> {
        if (approved && closed.equals("COMPLETED")) {
          return new Result(index, offsetMs, Outcome.REVOKED_THEN_COMPLETED, detail);
        }
        if (refused && closed.equals("COMPLETED")) {
          return new Result(index, offsetMs, Outcome.REFUSED_ACCESS_ENDED, detail);
        }
      }
      case "cancel" -> {
        if (updateOutcome.equals("cancel-requested") && closed.equals("CANCELED")) {
          return new Result(index, offsetMs, Outcome.CANCELED, detail);
        }
        if (closed.equals("EXPIRED")) {
          return new Result(index, offsetMs, Outcome.REFUSED_THEN_EXPIRED, detail);
        }
      }
      case "cancel-access" -> {
        if (closed.equals("CANCELED") || closed.equals("COMPLETED")) {
          return new Result(
              index,
              offsetMs,
              closed.equals("CANCELED") ? Outcome.CANCELED : Outcome.REFUSED_ACCESS_ENDED,
              detail);
        }
      }
      default -> throw new IllegalArgumentException(action);
    }
    return new Result(
        index, offsetMs, Outcome.INCONSISTENT, detail + " " + historyTail(client, execution));
  }

  /** Sends a decision Update and waits (at most 5 s) for its outcome. */
  private static String call(
      WorkflowStub untyped, String name, Decision decision, ExecutorService pool) {
    UpdateOptions<LockboxState> options =
        UpdateOptions.newBuilder(LockboxState.class)
            .setUpdateName(name)
            .setWaitForStage(WorkflowUpdateStage.COMPLETED)
            .build();
    CompletableFuture<String> update =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return "accepted:" + untyped.startUpdate(options, decision).getResult().status();
              } catch (WorkflowUpdateException | WorkflowNotFoundException e) {
                return "refused"; // by the validator, or the workflow has already closed
              } catch (RuntimeException e) {
                return "error:" + e;
              }
            },
            pool);
    try {
      return update.get(5, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      update.cancel(true);
      return "hung";
    } catch (Exception e) {
      return "error:" + e;
    }
  }

  private static String historyTail(WorkflowClient client, WorkflowExecution execution) {
    try {
      List<HistoryEvent> events = client.fetchHistory(execution.getWorkflowId()).getEvents();
      int from = Math.max(0, events.size() - 14);
      String state = "";
      try {
        state =
            " query="
                + client
                    .newWorkflowStub(LockboxWorkflow.class, execution.getWorkflowId())
                    .getState()
                    .status();
      } catch (RuntimeException e) {
        state = " query=" + e.getClass().getSimpleName();
      }
      String timing = "";
      for (HistoryEvent e : events) {
        if (e.getEventType() == EventType.EVENT_TYPE_TIMER_STARTED) {
          var a = e.getTimerStartedEventAttributes();
          Instant fireAt =
              toInstant(e.getEventTime())
                  .plusNanos(
                      a.getStartToFireTimeout().getSeconds() * 1_000_000_000L
                          + a.getStartToFireTimeout().getNanos());
          timing +=
              " timer "
                  + a.getTimerId().substring(0, 8)
                  + " due "
                  + fireAt
                  + " ["
                  + CANCELS.getOrDefault(a.getTimerId(), "never cancelled")
                  + "]";
        }
      }
      HistoryEvent last = events.get(events.size() - 1);
      timing +=
          " last "
              + last.getEventType().name().replace("EVENT_TYPE_", "")
              + " at "
              + toInstant(last.getEventTime());
      return "history("
          + events.size()
          + ") …"
          + events.subList(from, events.size()).stream()
              .map(ApprovalBoundaryRaceTest::describe)
              .collect(Collectors.joining(", "))
          + state
          + timing;
    } catch (RuntimeException e) {
      return "history unavailable: " + e;
    }
  }

  /** Per cancelled timer id: the RespondWorkflowTaskCompleted that carried its CancelTimer. */
  static final Map<String, String> CANCELS = new ConcurrentHashMap<>();

  /** Records what each RespondWorkflowTaskCompleted carried and how the server answered. */
  static final class CompletionRecorder implements ClientInterceptor {
    @Override
    public <Q, R> ClientCall<Q, R> interceptCall(
        MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
      ClientCall<Q, R> call = next.newCall(method, options);
      if (!method.getFullMethodName().endsWith("/RespondWorkflowTaskCompleted")) {
        return call;
      }
      return new ForwardingClientCall.SimpleForwardingClientCall<>(call) {
        private final List<String> timers = new ArrayList<>();
        private String text;

        @Override
        public void sendMessage(Q message) {
          RespondWorkflowTaskCompletedRequest r = (RespondWorkflowTaskCompletedRequest) message;
          for (Command c : r.getCommandsList()) {
            if (c.hasCancelTimerCommandAttributes()) {
              timers.add(c.getCancelTimerCommandAttributes().getTimerId());
            }
          }
          text =
              "completion sent at "
                  + Instant.now()
                  + " commands="
                  + r.getCommandsList().stream()
                      .map(c -> c.getCommandType().name().replace("COMMAND_TYPE_", ""))
                      .toList()
                  + " messages="
                  + r.getMessagesList().stream()
                      .map(m -> m.getBody().getTypeUrl().replaceAll(".*\\.", ""))
                      .toList();
          super.sendMessage(message);
        }

        @Override
        public void start(Listener<R> listener, Metadata headers) {
          super.start(
              new ForwardingClientCallListener.SimpleForwardingClientCallListener<>(listener) {
                @Override
                public void onClose(Status status, Metadata trailers) {
                  for (String t : timers) {
                    CANCELS.put(
                        t,
                        text
                            + " -> "
                            + status.getCode()
                            + (status.getDescription() == null
                                ? ""
                                : ": " + status.getDescription()));
                  }
                  super.onClose(status, trailers);
                }
              },
              headers);
        }
      };
    }
  }

  private static String describe(HistoryEvent e) {
    String name = e.getEventType().name().replace("EVENT_TYPE_", "");
    String extra = "";
    if (e.getEventType() == EventType.EVENT_TYPE_TIMER_FIRED) {
      extra = "(" + e.getTimerFiredEventAttributes().getTimerId() + ")";
    } else if (e.getEventType() == EventType.EVENT_TYPE_TIMER_CANCELED) {
      extra = "(" + e.getTimerCanceledEventAttributes().getTimerId() + ")";
    } else if (e.getEventType() == EventType.EVENT_TYPE_TIMER_STARTED) {
      extra = "(" + e.getTimerStartedEventAttributes().getTimerId() + ")";
    }
    return e.getEventId() + ":" + name + extra;
  }

  private static Instant toInstant(com.google.protobuf.Timestamp t) {
    return Instant.ofEpochSecond(t.getSeconds(), t.getNanos());
  }

  private static void registerSearchAttributes(String address) {
    OperatorServiceStubs operator =
        OperatorServiceStubs.newServiceStubs(
            OperatorServiceStubsOptions.newBuilder()
                .setTarget(address)
                .validateAndBuildWithDefaults());
    try {
      for (var key : LockboxSearchAttributes.ALL) {
        try {
          operator
              .blockingStub()
              .addSearchAttributes(
                  AddSearchAttributesRequest.newBuilder()
                      .setNamespace("default")
                      .putSearchAttributes(key.getName(), key.getValueType())
                      .build());
        } catch (StatusRuntimeException e) {
          if (e.getStatus().getCode() != Status.Code.ALREADY_EXISTS) {
            System.out.println("BOUNDARY search attribute " + key.getName() + ": " + e.getStatus());
          }
        }
      }
    } finally {
      operator.shutdownNow();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  /** The fake activities, with a read-model write of APPROVED that takes {@code delayMs}. */
  static final class SlowRecordActivities
      implements PolicyActivities,
          DirectoryActivities,
          NotificationActivities,
          AccessActivities,
          ReadModelActivities {

    private final FakeActivities fake;
    private final int delayMs;
    private final List<String> statuses;

    SlowRecordActivities(FakeActivities fake, int delayMs, List<String> statuses) {
      this.fake = fake;
      this.delayMs = delayMs;
      this.statuses = statuses;
    }

    @Override
    public JitEvaluation evaluateRequest(LockboxRequest request) {
      return fake.evaluateRequest(request);
    }

    @Override
    public List<String> findApprovers(String tenantId, String subscriptionId) {
      return fake.findApprovers(tenantId, subscriptionId);
    }

    @Override
    public List<dev.lockbox.workflows.model.ApprovalLevel> findApprovalLevels(
        String tenantId, String subscriptionId) {
      return fake.findApprovalLevels(tenantId, subscriptionId);
    }

    @Override
    public List<String> findInternalApprovers(String internalRole) {
      return fake.findInternalApprovers(internalRole);
    }

    @Override
    public void notifyApprovers(ApprovalNotice notice) {
      fake.notifyApprovers(notice);
    }

    @Override
    public void notifyRequester(RequesterNotice notice) {
      fake.notifyRequester(notice);
    }

    @Override
    public void grantAccess(AccessGrant grant) {
      fake.grantAccess(grant);
    }

    @Override
    public void revokeAccess(String requestId) {
      fake.revokeAccess(requestId);
    }

    @Override
    public void extendAccess(AccessExtension extension) {
      fake.extendAccess(extension);
    }

    @Override
    public void recordState(LockboxState state) {
      if (delayMs > 0 && statuses.contains(state.status().name())) {
        try {
          Thread.sleep(delayMs);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      fake.recordState(state);
    }

    @Override
    public void recordStates(List<LockboxState> states) {
      states.forEach(this::recordState);
    }
  }
}
