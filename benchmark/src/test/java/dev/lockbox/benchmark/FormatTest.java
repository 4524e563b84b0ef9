package dev.lockbox.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FormatTest {

  @Test
  void millisecondsKeepAboutThreeSignificantDigits() {
    assertThat(Format.millis(840)).isEqualTo("0.84 ms");
    assertThat(Format.millis(9_994)).isEqualTo("9.99 ms");
    assertThat(Format.millis(41_230)).isEqualTo("41.2 ms");
    assertThat(Format.millis(512_400)).isEqualTo("512 ms");
    assertThat(Format.millis(2_500_000)).isEqualTo("2500 ms");
  }

  @Test
  void ratioIsLockboxOverBare() {
    assertThat(Format.ratio(45_400, 4_970)).isEqualTo("x9.13");
    assertThat(Format.ratio(69.3, 488.2)).isEqualTo("x0.14");
    assertThat(Format.ratio(120_000, 4_000)).isEqualTo("x30.0");
  }

  @Test
  void ratioWithoutABaselineIsNotANumber() {
    assertThat(Format.ratio(45_400, 0)).isEqualTo("n/a");
    assertThat(Format.ratio(45_400, Double.NaN)).isEqualTo("n/a");
    assertThat(Format.ratio(Double.NaN, 5)).isEqualTo("n/a");
  }

  @Test
  void bytesPerItemInKibibytes() {
    assertThat(Format.kibEach(128_512_000, 1000)).isEqualTo("125.5 KiB");
    assertThat(Format.kibEach(-2048, 1)).isEqualTo("-2.0 KiB");
    assertThat(Format.kibEach(1024, 0)).isEqualTo("n/a");
    assertThat(Format.mib(612L * 1024 * 1024)).isEqualTo("612 MiB");
  }
}
