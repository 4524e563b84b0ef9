package dev.lockbox.benchmark;

import com.google.protobuf.Timestamp;
import dev.lockbox.workflows.LockboxNames;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Revoke timers under load: {@code --timers} requests are created, then all approved, with an
 * access window of {@code --timer-window} (from {@code --concurrency} client threads), so that all
 * their access windows end within the time the approvals took; then each request's history is read
 * once it is COMPLETED. Lateness is the history's {@code TimerFired} event time minus the request's
 * {@code accessExpiresAt} (what the approve answered): how late the server fired the timer and the
 * workflow saw it. The completion lateness adds the revoke activity and the read-model write (the
 * {@code WorkflowExecutionCompleted} event). Every history is one approve path (created, approved,
 * access ended, COMPLETED), so the same run counts its events.
 */
final class Timers {

  /**
   * @param approvePathEvents the events of the one request created, approved and held to the end
   *     alone (as ApprovePathHistoryTest does it), before the others
   * @param eventCounts how many of the concurrent histories had each number of events
   * @param commandEventCounts the same without workflow task events: what the workflow did, which
   *     does not depend on how the server batched its tasks
   */
  record Figures(
      int timers,
      Duration window,
      double setupSeconds,
      Latencies.Summary fired,
      Latencies.Summary completed,
      int approvePathEvents,
      int approvePathCommandEvents,
      Map<Integer, Integer> eventCounts,
      Map<Integer, Integer> commandEventCounts) {}

  private static final Duration COMPLETION_WAIT = Duration.ofSeconds(120);

  private Timers() {}

  static Figures run(LockboxUnderTest lockbox, Options o) {
    int n = o.timers();
    String body = LockboxUnderTest.demoBody(o.timerWindow().toString());
    String[] ids = new String[n];
    Instant[] due = new Instant[n];
    Benchmark.progress(
        "Timers: creating and approving "
            + n
            + " requests with a "
            + o.timerWindow()
            + " access window from "
            + o.concurrency()
            + " threads");
    // One approve path alone, as the unit test runs it: the approvers' email has gone out before
    // the approval, so no two steps share a workflow task by chance.
    String alone = lockbox.createWith(body);
    lockbox.awaitApproversNotified(alone);
    Instant aloneDue =
        Instant.parse(lockbox.approveAnswer(alone).path("accessExpiresAt").asString());
    // All created first, then all approved: the windows start as fast as approvals go, so the
    // timers fall due within the approvals' spread, not the slower creates'.
    Runs.concurrently(n, o.concurrency(), i -> ids[i] = lockbox.createWith(body));
    long start = System.nanoTime();
    Runs.concurrently(
        n,
        o.concurrency(),
        i ->
            due[i] =
                Instant.parse(lockbox.approveAnswer(ids[i]).path("accessExpiresAt").asString()));
    double setupSeconds = (System.nanoTime() - start) / 1e9;
    Instant last = due[0];
    for (Instant d : due) {
      last = d.isAfter(last) ? d : last;
    }
    Benchmark.progress(
        String.format(
            "Timers: %d approved in %.1f s; waiting for the last access window to end (%s)",
            n, setupSeconds, last));
    Memory.sleep(Math.max(0, Duration.between(Instant.now(), last).toMillis()) + 2_000);

    Latencies fired = new Latencies();
    Latencies completed = new Latencies();
    Map<Integer, Integer> eventCounts = new TreeMap<>();
    Map<Integer, Integer> commandEventCounts = new TreeMap<>();
    long deadline = System.nanoTime() + COMPLETION_WAIT.toNanos();
    Memory.sleep(Math.max(0, Duration.between(Instant.now(), aloneDue).toMillis()));
    List<HistoryEvent> aloneEvents = completedHistory(lockbox, alone, deadline);
    for (int i = 0; i < n; i++) {
      List<HistoryEvent> events = completedHistory(lockbox, ids[i], deadline);
      fired.record(lateNanos(last(events, EventType.EVENT_TYPE_TIMER_FIRED), due[i]));
      completed.record(
          lateNanos(last(events, EventType.EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED), due[i]));
      eventCounts.merge(events.size(), 1, Integer::sum);
      commandEventCounts.merge(commandEvents(events), 1, Integer::sum);
    }
    return new Figures(
        n,
        o.timerWindow(),
        setupSeconds,
        fired.summary(),
        completed.summary(),
        aloneEvents.size(),
        commandEvents(aloneEvents),
        eventCounts,
        commandEventCounts);
  }

  /** The request's history once its workflow has completed. */
  private static List<HistoryEvent> completedHistory(
      LockboxUnderTest lockbox, String requestId, long deadline) {
    String workflowId = LockboxNames.workflowId(requestId);
    while (true) {
      List<HistoryEvent> events = lockbox.client().fetchHistory(workflowId).getEvents();
      HistoryEvent lastEvent = events.get(events.size() - 1);
      if (lastEvent.getEventType() == EventType.EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED) {
        return events;
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            workflowId
                + " has not completed "
                + COMPLETION_WAIT
                + " after the last access window ended; its last event: "
                + lastEvent.getEventType());
      }
      Memory.sleep(200);
    }
  }

  /**
   * The events that are not a workflow task's own (scheduled, started, completed, failed, timed
   * out): what the workflow did, as ApprovePathHistoryTest pins it.
   */
  static int commandEvents(List<HistoryEvent> events) {
    return (int)
        events.stream()
            .filter(e -> !e.getEventType().name().startsWith("EVENT_TYPE_WORKFLOW_TASK_"))
            .count();
  }

  private static HistoryEvent last(List<HistoryEvent> events, EventType type) {
    for (int i = events.size() - 1; i >= 0; i--) {
      if (events.get(i).getEventType() == type) {
        return events.get(i);
      }
    }
    throw new IllegalStateException("no " + type + " in the history");
  }

  /** How long after {@code due} the event happened (at least 1 µs when recorded). */
  static long lateNanos(HistoryEvent event, Instant due) {
    Timestamp t = event.getEventTime();
    return Duration.between(due, Instant.ofEpochSecond(t.getSeconds(), t.getNanos())).toNanos();
  }
}
