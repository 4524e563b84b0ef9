package dev.lockbox.api.requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lockbox.api.problems.InvalidRequestException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ApprovedDurationTest {

  private static final Duration MINIMUM = Duration.ofMinutes(5);
  private static final Duration ASKED = Duration.ofHours(8);

  @Test
  void shorterThanAskedAndNotBelowTheMinimumIsWhatIsSent() {
    assertThat(ApprovedDuration.parse("PT2H", MINIMUM, ASKED)).isEqualTo(Duration.ofHours(2));
    assertThat(ApprovedDuration.parse("PT8H", MINIMUM, ASKED)).isEqualTo(ASKED);
    assertThat(ApprovedDuration.parse("PT5M", MINIMUM, ASKED)).isEqualTo(MINIMUM);
  }

  @Test
  void noneGivenApprovesWhatWasAsked() {
    assertThat(ApprovedDuration.parse(null, MINIMUM, ASKED)).isNull();
    assertThat(ApprovedDuration.parse(" ", MINIMUM, ASKED)).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"PT8H1S", "P1D", "PT4M59S", "PT0S", "-PT1H", "2h", "PT"})
  void longerThanAskedShorterThanTheMinimumOrNotADurationIsInvalid(String text) {
    assertThatThrownBy(() -> ApprovedDuration.parse(text, MINIMUM, ASKED))
        .isInstanceOf(InvalidRequestException.class)
        .satisfies(
            e ->
                assertThat(((InvalidRequestException) e).errors())
                    .containsKey(ApprovedDuration.FIELD));
  }
}
