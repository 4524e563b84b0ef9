package dev.lockbox.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class HumanTextTest {

  @Test
  void durationsShowTheTwoLargestUnits() {
    assertThat(HumanText.duration(Duration.ofHours(8))).isEqualTo("8 hours");
    assertThat(HumanText.duration(Duration.parse("P3DT4H5M"))).isEqualTo("3 days 4 hours");
    assertThat(HumanText.duration(Duration.ofSeconds(61))).isEqualTo("1 minute 1 second");
    assertThat(HumanText.duration(Duration.ofSeconds(-5))).isEqualTo("0 seconds");
  }

  @Test
  void timesAreUtc() {
    assertThat(HumanText.time(Instant.parse("2026-11-05T14:03:00Z")))
        .isEqualTo("2026-11-05 14:03:00 UTC");
  }

  @Test
  void oneLineRemovesLineBreaksAndCuts() {
    assertThat(HumanText.oneLine("vm\r\nBcc: evil@example.com", 100))
        .isEqualTo("vm Bcc: evil@example.com");
    assertThat(HumanText.oneLine("a\u2028b\tc", 100)).isEqualTo("a b c");
    assertThat(HumanText.oneLine("abcdef", 4)).isEqualTo("abc…");
  }
}
