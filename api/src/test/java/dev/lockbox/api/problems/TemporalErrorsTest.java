package dev.lockbox.api.problems;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
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
  void otherErrorsStayWhatTheyAre() {
    RuntimeException denied = new StatusRuntimeException(Status.PERMISSION_DENIED);
    RuntimeException bug = new IllegalStateException("bug");

    assertThat(TemporalErrors.translate(denied)).isSameAs(denied);
    assertThat(TemporalErrors.translate(bug)).isSameAs(bug);
  }
}
