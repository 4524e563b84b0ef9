package dev.lockbox.policy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Loads the rules file once at start; a bad file stops start-up with the parser's message. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PolicySettings.class)
public class PolicyConfiguration {

  private static final Logger log = LoggerFactory.getLogger(PolicyConfiguration.class);

  @Bean
  Policy policy(PolicySettings settings) throws IOException {
    String source = settings.rulesFile().getDescription();
    if (!settings.rulesFile().exists()) {
      throw new PolicyFileException(
          "Rules file " + source + " does not exist (lockbox.policy.rules-file)");
    }
    String yaml = settings.rulesFile().getContentAsString(StandardCharsets.UTF_8);
    Policy policy = PolicyFileParser.parse(yaml, source, settings.tenantWithoutLockbox());
    log.info("JIT policy from {}: rules {}", source, policy.ruleIds());
    return policy;
  }
}
