package dev.lockbox.api.security;

import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/** The two throttled kinds of attempt: signing in, and looking up a signed email link. */
@Component
@EnableConfigurationProperties(AttemptLimits.class)
public class AttemptThrottles {

  private final AttemptThrottle signIn;
  private final AttemptThrottle links;

  AttemptThrottles(AttemptLimits limits, Clock clock) {
    this.signIn = new AttemptThrottle("Sign-in", limits, clock);
    this.links = new AttemptThrottle("Link look-up", limits, clock);
  }

  AttemptThrottle signIn() {
    return signIn;
  }

  /** Invalid link tokens, per client address and per signed-in account. */
  public AttemptThrottle links() {
    return links;
  }
}
