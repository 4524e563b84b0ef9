package dev.lockbox.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TableTest {

  @Test
  void firstColumnLeftOthersRightAligned() {
    String text =
        new Table("", "p50", "max")
            .row("Lockbox REST API", "45.4 ms", "66.8 ms")
            .row("bare", "4.97 ms", "120 ms")
            .toString();

    assertThat(text.lines().toList())
        .containsExactly(
            "                      p50      max",
            "----------------------------------",
            "Lockbox REST API  45.4 ms  66.8 ms",
            "bare              4.97 ms   120 ms");
  }

  @Test
  void summaryRowsShowPercentilesInMilliseconds() {
    String text =
        new Table("", "p50", "p90", "p99", "max", "mean")
            .row("x", new Latencies.Summary(3, 1_000, 2_000, 30_000, 400_000, 5_500.5))
            .toString();

    assertThat(text.lines().skip(2).findFirst())
        .hasValue("x  1.00 ms  2.00 ms  30.0 ms  400 ms  5.50 ms");
  }

  @Test
  void aRowMustHaveEveryColumn() {
    assertThatThrownBy(() -> new Table("a", "b").row("only one"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
