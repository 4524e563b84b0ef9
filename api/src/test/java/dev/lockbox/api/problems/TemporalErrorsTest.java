package dev.lockbox.api.problems;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Context;
import io.grpc.Deadline;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TemporalErrorsTest {

  @Test
  void anUnreachableTemporalBecomesA503() {
    assertThat(TemporalErrors.translate(new StatusRuntimeException(Status.UNAVAILABLE)))
        .isInstanceOf(TemporalUnavailableException.class);
    assertThat(TemporalErrors.translate(new StatusRuntimeException(Status.DEADLINE_EXCEEDED)))
        .isInstanceOf(TemporalUnavailableException.class);
  }

  @Test
  void aBusyTemporalIsA503TooAndSaysSo() {
    assertThat(TemporalErrors.translate(new StatusRuntimeException(Status.RESOURCE_EXHAUSTED)))
        .isInstanceOf(TemporalBusyException.class);
  }

  @Test
  void aStatusWrappedByTheSdkIsFound() {
    RuntimeException wrapped =
        new IllegalStateException(
            "query", new RuntimeException(new StatusRuntimeException(Status.UNAVAILABLE)));
    assertThat(TemporalErrors.translate(wrapped)).isInstanceOf(TemporalUnavailableException.class);
  }

  @Test
  void everyGrpcCallInsideCallWithinCarriesTheDeadline() {
    Deadline seen =
        TemporalErrors.callWithin(Duration.ofSeconds(3), () -> Context.current().getDeadline());

    assertThat(seen).isNotNull();
    assertThat(seen.timeRemaining(TimeUnit.MILLISECONDS)).isBetween(1L, 3_000L);
  }

  @Test
  void otherErrorsStayWhatTheyAre() {
    RuntimeException denied = new StatusRuntimeException(Status.PERMISSION_DENIED);
    RuntimeException bug = new IllegalStateException("bug");

    assertThat(TemporalErrors.translate(denied)).isSameAs(denied);
    assertThat(TemporalErrors.translate(bug)).isSameAs(bug);
  }
}
