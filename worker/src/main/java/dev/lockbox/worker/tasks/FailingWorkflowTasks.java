package dev.lockbox.worker.tasks;

import com.google.protobuf.ByteString;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The workflows whose workflow task keeps failing, as this worker sees them. A workflow task that
 * fails (a bug in workflow code, a non-deterministic change, a history the server refuses) is
 * retried by the server for ever, with a growing attempt number and nothing else to show for it:
 * the request just stops moving. This remembers every workflow polled at attempt {@link
 * #FAILING_FROM} or more, until one of its tasks completes, it is polled at attempt 1 again, or it
 * has not been seen for {@link #FORGET_AFTER}.
 */
public final class FailingWorkflowTasks {

  /** The first attempt that counts: attempt 2 is the server's ordinary single retry. */
  public static final int FAILING_FROM = 3;

  /**
   * Longer than the server's longest pause between two attempts of a failing workflow task (10
   * minutes), so a workflow still failing is never forgotten between two of its attempts.
   */
  public static final Duration FORGET_AFTER = Duration.ofMinutes(15);

  /** One workflow whose task keeps failing: its id, the last attempt seen and when. */
  public record FailingTask(String workflowId, String workflowType, int attempt, Instant lastSeen) {

    /** The lockbox request id when this is a lockbox workflow ({@code lockbox-<id>}), else null. */
    public String requestId() {
      return workflowId.startsWith("lockbox-") ? workflowId.substring("lockbox-".length()) : null;
    }
  }

  private static final Logger log = LoggerFactory.getLogger(FailingWorkflowTasks.class);

  private final Clock clock;
  private final Map<String, FailingTask> failing = new HashMap<>();
  private final Map<ByteString, String> openTasks = new HashMap<>();

  public FailingWorkflowTasks(Clock clock) {
    this.clock = clock;
  }

  /** A workflow task was handed to this worker. */
  public synchronized void polled(
      String workflowId, String workflowType, int attempt, ByteString taskToken) {
    if (attempt < FAILING_FROM) {
      forget(workflowId);
      return;
    }
    FailingTask before =
        failing.put(
            workflowId, new FailingTask(workflowId, workflowType, attempt, clock.instant()));
    if (before == null) {
      log.warn(
          "The workflow task of {} keeps failing (attempt {}): the request does not move until"
              + " workflow code or its history is fixed; see the worker's log and the Web UI",
          workflowId,
          attempt);
    }
    openTasks.put(taskToken, workflowId);
  }

  /** The server accepted the completion of a workflow task: its workflow moves again. */
  public synchronized void completed(ByteString taskToken) {
    String workflowId = openTasks.remove(taskToken);
    if (workflowId != null) {
      forget(workflowId);
    }
  }

  /** The workflows failing now, the longest-failing (highest attempt) first. */
  public synchronized List<FailingTask> failing() {
    Instant forgetBefore = clock.instant().minus(FORGET_AFTER);
    failing.values().removeIf(task -> task.lastSeen().isBefore(forgetBefore));
    openTasks.values().removeIf(workflowId -> !failing.containsKey(workflowId));
    return failing.values().stream()
        .sorted(
            Comparator.comparingInt(FailingTask::attempt)
                .reversed()
                .thenComparing(FailingTask::workflowId))
        .toList();
  }

  public int count() {
    return failing().size();
  }

  private void forget(String workflowId) {
    if (failing.remove(workflowId) != null) {
      openTasks.values().removeIf(workflowId::equals);
    }
  }
}
