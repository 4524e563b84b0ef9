package dev.lockbox.workflows.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Which Temporal server the workflow tests ran on, a line in target/temporal-servers.txt; .ci/run
 * prints it after the build (test output goes to report files).
 */
public final class ServerReport {

  static final Path FILE = Path.of("target", "temporal-servers.txt");

  private ServerReport() {}

  public static synchronized void record(String part, String server) {
    try {
      Files.createDirectories(FILE.toAbsolutePath().getParent());
      Files.writeString(
          FILE,
          part + ": " + server + System.lineSeparator(),
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What every workflow unit test runs on. */
  public static void timeSkippingTestServer(String part) {
    record(part, "the Temporal Java test server (time skipping, in process)");
  }
}
