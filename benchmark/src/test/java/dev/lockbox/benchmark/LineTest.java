package dev.lockbox.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LineTest {

  @Test
  void fitsTheCostPerCachedWorkflowAndTheFixedPart() {
    // 50 MB fixed, plus 180 KB per cached workflow, with a little noise.
    double[] cached = {96, 196, 594, 1000};
    double[] bytes = {
      50e6 + 96 * 180e3 + 1e5, 50e6 + 196 * 180e3 - 1e5, 50e6 + 594 * 180e3, 50e6 + 1000 * 180e3
    };

    Line line = Line.fit(cached, bytes);

    assertThat(line.slope()).isCloseTo(180e3, within(500.0));
    assertThat(line.intercept()).isCloseTo(50e6, within(2e5));
  }

  @Test
  void oneDistinctXHasNoSlope() {
    assertThat(Line.fit(new double[] {200, 200}, new double[] {1, 2}).slope()).isNaN();
    assertThat(Line.fit(new double[] {200}, new double[] {1}).slope()).isNaN();
  }
}
