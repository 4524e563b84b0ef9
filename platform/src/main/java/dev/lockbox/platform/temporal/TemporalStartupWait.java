package dev.lockbox.platform.temporal;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;

/**
 * Holds start-up until Temporal answers and knows the namespace, retrying with backoff, so that an
 * api or worker started beside a cluster that is still coming up waits instead of crashing. The
 * embedded default answers on the first try and pays one round trip.
 */
public class TemporalStartupWait implements InitializingBean {

  /** How the wait pauses between tries; tests replace it to avoid real sleeping. */
  @FunctionalInterface
  public interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;
  }

  static final Duration FIRST_PAUSE = Duration.ofSeconds(1);
  static final Duration LONGEST_PAUSE = Duration.ofSeconds(15);

  /** How long one try waits for an answer; the default suits a cluster on the same network. */
  public static final Duration CALL_DEADLINE = Duration.ofSeconds(5);

  private static final Logger log = LoggerFactory.getLogger(TemporalStartupWait.class);

  private final TemporalProbe probe;
  private final Sleeper sleeper;
  private final Duration callDeadline;

  public TemporalStartupWait(TemporalProbe probe, Sleeper sleeper, Duration callDeadline) {
    this.probe = probe;
    this.sleeper = sleeper;
    this.callDeadline = callDeadline;
  }

  @Override
  public void afterPropertiesSet() throws InterruptedException {
    TemporalSettings settings = probe.settings();
    Duration waited = Duration.ZERO;
    Duration pause = FIRST_PAUSE;
    while (true) {
      long asked = System.nanoTime();
      TemporalProbe.Answer answer = probe.check(callDeadline);
      waited = waited.plusNanos(System.nanoTime() - asked);
      if (answer.ok()) {
        log.info(
            "Temporal at {} answers (server {}); namespace '{}' found",
            settings.address(),
            answer.serverVersion(),
            settings.namespace());
        return;
      }
      if (waited.compareTo(settings.startupWait()) >= 0) {
        throw new IllegalStateException(gaveUp(settings, answer));
      }
      log.warn(
          "Waiting for Temporal at {} (namespace '{}'): {}; next try in {}s, waited {}s of {}s",
          settings.address(),
          settings.namespace(),
          answer.problem(),
          pause.toSeconds(),
          waited.toSeconds(),
          settings.startupWait().toSeconds());
      sleeper.sleep(pause);
      waited = waited.plus(pause);
      pause = longer(pause);
    }
  }

  static Duration longer(Duration pause) {
    Duration doubled = pause.multipliedBy(2);
    return doubled.compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : doubled;
  }

  private static String gaveUp(TemporalSettings settings, TemporalProbe.Answer answer) {
    return "Temporal at "
        + settings.address()
        + " did not answer for namespace '"
        + settings.namespace()
        + "' within "
        + settings.startupWait()
        + " (last answer: "
        + answer.problem()
        + "). Check TEMPORAL_ADDRESS and TEMPORAL_NAMESPACE, that the namespace "
        + "exists, or wait longer with LOCKBOX_TEMPORAL_STARTUP_WAIT.";
  }
}
