package dev.lockbox.audit.export;

import dev.lockbox.audit.RecordedHistories;
import dev.lockbox.workflows.LockboxNames;
import io.temporal.common.WorkflowExecutionHistory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Exports built from the recorded histories through the writer, without Temporal: the test seam for
 * the format, tampering and memory tests. Request i is served the recorded history of path {@code i
 * mod 9}.
 */
public final class TestExports {

  public static final Instant FROM = Instant.parse("2026-11-28T00:00:00Z");
  public static final Instant TO = Instant.parse("2026-11-29T00:00:00Z");

  private TestExports() {}

  public static byte[] export(int requests, AuditSigningKey key) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    write(requests, key, out);
    return out.toByteArray();
  }

  public static ExportSummary write(int requests, AuditSigningKey key, OutputStream out) {
    List<WorkflowExecutionHistory> histories =
        RecordedHistories.PATHS.stream().map(RecordedHistories::history).toList();
    try {
      ExportWriter writer = new ExportWriter(out, key, new ExportScope(FROM, TO, null), null, FROM);
      for (int i = 0; i < requests; i++) {
        String id = "request-" + i;
        writer.writeRequest(id, LockboxNames.workflowId(id), histories.get(i % histories.size()));
      }
      return writer.finish();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static List<String> lines(byte[] export) {
    String text = new String(export, StandardCharsets.UTF_8);
    return new ArrayList<>(Arrays.asList(text.substring(0, text.length() - 1).split("\n", -1)));
  }

  public static byte[] join(List<String> lines) {
    return (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
  }
}
