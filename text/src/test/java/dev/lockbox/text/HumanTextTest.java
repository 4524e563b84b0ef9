package dev.lockbox.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
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
  void timesAreUtcToTheMinute() {
    assertThat(HumanText.time(Instant.parse("2026-11-05T14:03:59Z")))
        .isEqualTo("2026-11-05 14:03 UTC");
    assertThat(HumanText.time(null)).isEmpty();
  }

  @Test
  void givenAViewersZone_theirTimeFollowsUtcWithItsNameAndSummerTimeCounts() {
    Instant winter = Instant.parse("2026-12-02T19:04:00Z");
    Instant summer = Instant.parse("2026-07-02T19:04:00Z");
    ZoneId berlin = ZoneId.of("Europe/Berlin");

    assertThat(HumanText.time(winter, berlin)).isEqualTo("2026-12-02 19:04 UTC (20:04 CET)");
    assertThat(HumanText.time(summer, berlin)).isEqualTo("2026-07-02 19:04 UTC (21:04 CEST)");
  }

  @Test
  void givenAnotherDayInTheViewersZone_theirDateIsShownToo() {
    assertThat(HumanText.time(Instant.parse("2026-12-02T23:30:00Z"), ZoneId.of("Asia/Tokyo")))
        .isEqualTo("2026-12-02 23:30 UTC (2026-12-03 08:30 JST)");
    assertThat(HumanText.time(Instant.parse("2026-12-02T01:00:00Z"), ZoneId.of("America/New_York")))
        .isEqualTo("2026-12-02 01:00 UTC (2026-12-01 20:00 EST)");
  }

  @Test
  void givenAViewerInUtc_onlyUtcIsShown() {
    Instant at = Instant.parse("2026-12-02T19:04:00Z");
    assertThat(HumanText.time(at, ZoneOffset.UTC)).isEqualTo("2026-12-02 19:04 UTC");
    assertThat(HumanText.time(at, ZoneId.of("Etc/UTC"))).isEqualTo("2026-12-02 19:04 UTC");
    assertThat(HumanText.time(null, ZoneId.of("Europe/Berlin"))).isEmpty();
  }

  @Test
  void oneLineRemovesLineBreaksAndCuts() {
    assertThat(HumanText.oneLine("vm\r\nBcc: evil@example.com", 100))
        .isEqualTo("vm Bcc: evil@example.com");
    assertThat(HumanText.oneLine("a\u2028b\tc", 100)).isEqualTo("a b c");
    assertThat(HumanText.oneLine("abcdef", 4)).isEqualTo("abc…");
  }
}
