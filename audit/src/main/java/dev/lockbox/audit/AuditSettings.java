package dev.lockbox.audit;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Audit settings ({@code lockbox.audit.*}).
 *
 * @param signingKeyFile an Ed25519 PKCS#8 PEM private key that signs export manifests; unset, each
 *     process generates one at start (fine for the embedded default, not for a cluster where the
 *     api and the worker must sign with the same key)
 * @param archive the periodic archive job; off unless a directory is set
 */
@ConfigurationProperties("lockbox.audit")
public record AuditSettings(Path signingKeyFile, @DefaultValue Archive archive) {

  /**
   * @param directory where the worker writes one signed export per period; unset: no archive job
   * @param period the length of one archive file's slice of time (a day by default)
   * @param delay how long after a slice ends it is archived, so that its requests have finished
   *     (longer than the approval window plus the access window)
   */
  public record Archive(
      Path directory, @DefaultValue("P1D") Duration period, @DefaultValue("P5D") Duration delay) {

    public boolean enabled() {
      return directory != null;
    }
  }
}
