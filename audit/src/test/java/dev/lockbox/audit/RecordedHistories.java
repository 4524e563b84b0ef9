package dev.lockbox.audit;

import io.temporal.common.WorkflowExecutionHistory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The recorded histories of the workflows module (its test-jar), one per lifecycle path. */
public final class RecordedHistories {

  public static final List<String> PATHS =
      List.of(
          "approve",
          "deny",
          "expire",
          "cancel",
          "early-revoke",
          "cancel-during-access",
          "reject",
          "grant-without-lockbox",
          "email-undeliverable",
          "internal-approve",
          "internal-deny",
          "internal-timeout",
          "break-glass");

  /**
   * The histories of the newest workflow version; older versions are replayed by the workflows
   * module.
   */
  private static final String VERSION = "internal-review";

  private RecordedHistories() {}

  public static String json(String path) {
    return json(VERSION, path);
  }

  /** A history of another workflow version, e.g. {@code approval-levels-and-narrowing}. */
  public static String json(String version, String path) {
    try (InputStream in =
        RecordedHistories.class.getResourceAsStream(
            "/histories/" + version + "/" + path + ".json")) {
      if (in == null) {
        throw new IllegalStateException("no recorded history " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static WorkflowExecutionHistory history(String path) {
    return WorkflowExecutionHistory.fromJson(json(path));
  }
}
