package dev.lockbox.platform.temporal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How to reach Temporal ({@code lockbox.temporal.*}).
 *
 * @param address host:port of the frontend; the embedded default fills it in
 * @param apiKey sent as a bearer token (Temporal Cloud); implies TLS
 * @param registerSearchAttributes add missing search attributes at start; where the namespace does
 *     not permit it, start-up fails and names the missing ones
 * @param startupWait how long start-up keeps retrying while Temporal (or the namespace) does not
 *     answer yet, e.g. while a cluster is still starting beside Lockbox
 */
@ConfigurationProperties("lockbox.temporal")
public record TemporalSettings(
    @DefaultValue("localhost:7233") String address,
    @DefaultValue("default") String namespace,
    @DefaultValue("false") boolean tls,
    String apiKey,
    @DefaultValue("true") boolean registerSearchAttributes,
    @DefaultValue("PT5M") Duration startupWait) {

  public boolean usesTls() {
    return tls || hasApiKey();
  }

  public boolean hasApiKey() {
    return apiKey != null && !apiKey.isBlank();
  }
}
