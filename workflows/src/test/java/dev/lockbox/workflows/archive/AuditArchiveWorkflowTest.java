package dev.lockbox.workflows.archive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lockbox.workflows.LockboxNames;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The periodic archive job on a time-skipping test service, with a fake archive. */
class AuditArchiveWorkflowTest {

  private static final Duration DAY = Duration.ofDays(1);
  private static final Duration DELAY = Duration.ofHours(6);

  private final TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance();
  private final FakeArchive archive = new FakeArchive();

  @org.junit.jupiter.api.BeforeAll
  static void report() {
    dev.lockbox.workflows.testing.ServerReport.timeSkippingTestServer(
        "audit archive workflow tests (workflows/)");
  }

  @AfterEach
  void close() {
    env.close();
  }

  @Test
  void eachDayIsArchivedAfterItsDelay_linkedToTheDayBefore_withoutGaps() {
    Instant today = start();

    env.sleep(Duration.ofDays(3).plus(DELAY).plusMinutes(1));

    assertThat(archive.slices).hasSizeGreaterThanOrEqualTo(3);
    List<ArchiveSlice> three = archive.slices.subList(0, 3);
    assertThat(three)
        .extracting(ArchiveSlice::from)
        .containsExactly(today, today.plus(DAY), today.plus(DAY.multipliedBy(2)));
    assertThat(three.get(0).previous()).isNull();
    assertThat(three.get(1).previous().file()).isEqualTo(FakeArchive.name(today));
    assertThat(three.get(2).previous().file()).isEqualTo(FakeArchive.name(today.plus(DAY)));
    for (ArchiveSlice slice : three) {
      assertThat(slice.to()).isEqualTo(slice.from().plus(DAY));
    }
  }

  @Test
  void aSliceIsArchivedOnlyOnceItHasEndedAndItsDelayHasPassed() {
    Instant today = start();
    Instant due = today.plus(DAY).plus(DELAY);

    env.sleep(Duration.between(Instant.ofEpochMilli(env.currentTimeMillis()), due).minusMinutes(1));
    assertThat(archive.slices).isEmpty();
    env.sleep(Duration.ofMinutes(2));

    assertThat(archive.slices).hasSize(1);
  }

  @Test
  void behindSchedule_itCatchesUpSliceBySlice() {
    Instant longAgo = Instant.ofEpochMilli(env.currentTimeMillis()).minus(Duration.ofDays(5));
    startAt(longAgo);

    env.sleep(Duration.ofMinutes(1));

    assertThat(archive.slices).hasSizeGreaterThanOrEqualTo(4);
    assertThat(archive.slices.get(3).from()).isEqualTo(longAgo.plus(DAY.multipliedBy(3)));
  }

  private Instant start() {
    Instant now = Instant.ofEpochMilli(env.currentTimeMillis());
    Instant today = Instant.ofEpochMilli(now.toEpochMilli() - now.toEpochMilli() % DAY.toMillis());
    startAt(today);
    return today;
  }

  private void startAt(Instant from) {
    Worker worker = env.newWorker(LockboxNames.TASK_QUEUE);
    worker.registerWorkflowImplementationTypes(AuditArchiveWorkflowImpl.class);
    worker.registerActivitiesImplementations(archive);
    env.start();
    AuditArchiveWorkflow workflow =
        env.getWorkflowClient()
            .newWorkflowStub(
                AuditArchiveWorkflow.class,
                WorkflowOptions.newBuilder()
                    .setTaskQueue(LockboxNames.TASK_QUEUE)
                    .setWorkflowId(AuditArchiveWorkflow.WORKFLOW_ID)
                    .build());
    WorkflowClient.start(workflow::run, new ArchiveProgress(from, DAY, DELAY, null));
    assertThat(WorkflowStub.fromTyped(workflow).getExecution().getWorkflowId())
        .isEqualTo(AuditArchiveWorkflow.WORKFLOW_ID);
  }

  static final class FakeArchive implements ArchiveActivities {
    final List<ArchiveSlice> slices = new CopyOnWriteArrayList<>();

    static String name(Instant from) {
      return "lockbox-audit-" + from.getEpochSecond() + ".ndjson";
    }

    @Override
    public ArchivedFile archiveSlice(ArchiveSlice slice) {
      slices.add(slice);
      return new ArchivedFile(
          name(slice.from()), "sha-" + slice.from().getEpochSecond(), 0, slice.from(), slice.to());
    }
  }
}
