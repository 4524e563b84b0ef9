package dev.lockbox.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Files at the repository's top level, read by tests that check deployment descriptors. */
final class RepositoryFiles {

  private RepositoryFiles() {}

  /** Tests run in the module folder (local/); the repository is its parent. */
  static Path root() {
    Path root = Path.of("").toAbsolutePath().getParent();
    assertThat(root.resolve("pom.xml")).as("repository root").exists();
    return root;
  }

  static String read(String relativePath) {
    try {
      return Files.readString(root().resolve(relativePath));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
