package dev.lockbox.api.portal;

import dev.lockbox.text.HumanText;
import java.time.Instant;

/** One step in a request's life, as the portal's timeline and activity log show it. */
record TimelineEvent(
    String requestId, Instant at, String action, String actor, String channel, String detail) {

  public String when() {
    return HumanText.time(at);
  }
}
