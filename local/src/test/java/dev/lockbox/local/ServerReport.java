package dev.lockbox.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Which Temporal server each part of the suite ran on, one line per part in
 * target/temporal-servers.txt; .ci/run prints the lines after the build, since test output goes to
 * report files.
 */
final class ServerReport {

  static final Path FILE = TestTemporal.TARGET.resolve("temporal-servers.txt");

  private ServerReport() {}

  static synchronized void record(String part, String server) {
    String line = part + ": " + server + System.lineSeparator();
    try {
      Files.createDirectories(FILE.toAbsolutePath().getParent());
      Files.writeString(
          FILE, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
