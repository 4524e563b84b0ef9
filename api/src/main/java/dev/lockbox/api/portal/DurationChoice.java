package dev.lockbox.api.portal;

import dev.lockbox.text.HumanText;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One choice of the approve form's "Approve for" list: the duration asked for (the default, sent as
 * no narrowing at all) or a shorter one, never shorter than the minimum access duration.
 *
 * @param value what the form sends as {@code approvedDuration}; empty for the duration asked
 */
record DurationChoice(String value, String label) {

  private static final List<Duration> SHORTER =
      List.of(
          Duration.ofMinutes(15),
          Duration.ofMinutes(30),
          Duration.ofHours(1),
          Duration.ofHours(2),
          Duration.ofHours(4));

  static List<DurationChoice> upTo(Duration asked, Duration minimum) {
    List<DurationChoice> choices = new ArrayList<>();
    choices.add(new DurationChoice("", HumanText.duration(asked) + " (as asked)"));
    for (Duration shorter : SHORTER) {
      if (shorter.compareTo(asked) < 0 && shorter.compareTo(minimum) >= 0) {
        choices.add(new DurationChoice(shorter.toString(), HumanText.duration(shorter)));
      }
    }
    return choices;
  }
}
