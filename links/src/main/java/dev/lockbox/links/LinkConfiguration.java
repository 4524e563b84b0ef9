package dev.lockbox.links;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The approval link signer, shared by the notifier (signs) and the portal (checks). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LinkSettings.class)
public class LinkConfiguration {

  private static final Logger log = LoggerFactory.getLogger(LinkConfiguration.class);

  @Bean
  ApprovalLinkSigner approvalLinkSigner(LinkSettings settings, Clock clock) {
    return new ApprovalLinkSigner(key(settings), clock);
  }

  private static byte[] key(LinkSettings settings) {
    if (settings.signingKey() != null && !settings.signingKey().isBlank()) {
      return settings.signingKey().getBytes(StandardCharsets.UTF_8);
    }
    log.warn(
        "lockbox.links.signing-key is not set: approval links are signed with a random key that "
            + "lives as long as this process. Set LOCKBOX_LINKS_SIGNING_KEY to the same value on "
            + "the api and the worker when they run apart.");
    byte[] random = new byte[32];
    new SecureRandom().nextBytes(random);
    return random;
  }
}
