package dev.lockbox.benchmark;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shipped JIT policy with one change: one demo engineer makes every benchmark call, so the
 * per-engineer hourly limit is raised out of the way. Read from the classpath at start, so the
 * rules measured are always the ones Lockbox ships.
 */
final class BenchmarkPolicy {

  static final String SHIPPED = "lockbox-policy.yml";
  static final long RAISED_LIMIT = 100_000_000;

  private static final Pattern LIMIT =
      Pattern.compile("(?m)^([ \\t]+requests-per-engineer-per-hour:[ \\t]*)\\S+[ \\t]*$");

  private BenchmarkPolicy() {}

  /**
   * Writes the shipped policy with the raised limit to a temporary file; its address for Spring.
   */
  static String rulesFileProperty() {
    try (InputStream in = BenchmarkPolicy.class.getClassLoader().getResourceAsStream(SHIPPED)) {
      if (in == null) {
        throw new IllegalStateException(SHIPPED + " is not on the classpath");
      }
      String raised =
          withLimit(new String(in.readAllBytes(), StandardCharsets.UTF_8), RAISED_LIMIT);
      Path file = Files.createTempFile("lockbox-benchmark-policy-", ".yml");
      file.toFile().deleteOnExit();
      Files.writeString(file, raised);
      return "--lockbox.policy.rules-file=file:" + file.toAbsolutePath();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The policy text with {@code limits.requests-per-engineer-per-hour} set to {@code limit}. */
  static String withLimit(String policy, long limit) {
    Matcher matcher = LIMIT.matcher(policy);
    if (!matcher.find()) {
      throw new IllegalStateException(
          "The shipped "
              + SHIPPED
              + " has no 'requests-per-engineer-per-hour:' line to raise; the benchmark's single"
              + " engineer would be stopped with 429. Update BenchmarkPolicy.");
    }
    String raised = matcher.replaceFirst("$1" + limit);
    if (LIMIT.matcher(raised).results().count() != 1) {
      throw new IllegalStateException(
          SHIPPED + " has more than one 'requests-per-engineer-per-hour:' line");
    }
    return raised;
  }
}
