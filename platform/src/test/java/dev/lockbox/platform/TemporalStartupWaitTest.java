package dev.lockbox.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lockbox.platform.temporal.TemporalHealthIndicator;
import dev.lockbox.platform.temporal.TemporalProbe;
import dev.lockbox.platform.temporal.TemporalSettings;
import dev.lockbox.platform.temporal.TemporalStartupWait;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.testserver.TestServer;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

@Timeout(60)
class TemporalStartupWaitTest {

  private final List<AutoCloseable> toClose = new ArrayList<>();

  @AfterEach
  void close() throws Exception {
    for (AutoCloseable c : toClose) {
      c.close();
    }
  }

  @Test
  void givenTemporalComesUpLate_startupWaitsWithGrowingPausesInsteadOfFailing() throws Exception {
    int port = SearchAttributeRegistrarTest.freePort();
    WorkflowServiceStubs stubs = stubs(port);
    List<Duration> pauses = new ArrayList<>();
    TemporalStartupWait wait =
        new TemporalStartupWait(
            new TemporalProbe(stubs, settings(port, Duration.ofMinutes(5))),
            pause -> {
              pauses.add(pause);
              if (pauses.size() == 3) {
                toClose.add(TestServer.createPortBoundServer(port));
              }
            },
            Duration.ofSeconds(2));

    wait.afterPropertiesSet();

    assertThat(pauses)
        .containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4));
  }

  @Test
  void givenTemporalNeverAnswers_startupFailsNamingTheAddressAfterTheConfiguredWait()
      throws IOException {
    int port = SearchAttributeRegistrarTest.freePort();
    WorkflowServiceStubs stubs = stubs(port);
    List<Duration> pauses = new ArrayList<>();
    TemporalStartupWait wait =
        new TemporalStartupWait(
            new TemporalProbe(stubs, settings(port, Duration.ofSeconds(20))),
            pauses::add,
            Duration.ofMillis(200));

    org.assertj.core.api.Assertions.assertThatThrownBy(wait::afterPropertiesSet)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("localhost:" + port)
        .hasMessageContaining("no answer within 200 ms")
        .hasMessageContaining("LOCKBOX_TEMPORAL_STARTUP_WAIT");
    // Pauses of 1 + 2 + 4 + 8 + 15 s (plus 200 ms per try) pass the 20 s budget; then it gives up.
    assertThat(pauses).hasSize(5).last().isEqualTo(Duration.ofSeconds(15));
  }

  @Test
  void theHealthComponentIsUpWithTheServerAndDownWithoutIt() throws IOException {
    int port = SearchAttributeRegistrarTest.freePort();
    WorkflowServiceStubs stubs = stubs(port);
    TemporalHealthIndicator health =
        new TemporalHealthIndicator(new TemporalProbe(stubs, settings(port, Duration.ZERO)));

    Health down = health.health();
    toClose.add(TestServer.createPortBoundServer(port));
    Health up = health.health();

    assertThat(down.getStatus()).isEqualTo(Status.DOWN);
    assertThat(down.getDetails())
        .containsEntry("address", "localhost:" + port)
        .containsKey("error");
    assertThat(up.getStatus()).isEqualTo(Status.UP);
    assertThat(up.getDetails()).containsEntry("namespace", "default").containsKey("serverVersion");
  }

  private WorkflowServiceStubs stubs(int port) {
    WorkflowServiceStubs stubs =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder().setTarget("localhost:" + port).build());
    toClose.add(stubs::shutdownNow);
    return stubs;
  }

  private static TemporalSettings settings(int port, Duration startupWait) {
    return new TemporalSettings("localhost:" + port, "default", false, null, true, startupWait);
  }
}
