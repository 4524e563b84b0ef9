package dev.lockbox.audit.export;

import dev.lockbox.audit.HistorySource;
import dev.lockbox.readmodel.RequestKey;
import dev.lockbox.readmodel.RequestSummaryRepository;
import dev.lockbox.workflows.LockboxNames;
import io.temporal.common.WorkflowExecutionHistory;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The bulk export, one code path for the HTTP endpoint, the command line and the archive job: the
 * read model names the requests of the range (in creation order, by keyset pages), Temporal gives
 * each history, the writer streams them out and signs the manifest.
 */
public final class AuditExporter {

  static final int PAGE = 200;

  private final RequestSummaryRepository summaries;
  private final HistorySource histories;
  private final AuditSigningKey key;
  private final Clock clock;

  public AuditExporter(
      RequestSummaryRepository summaries,
      HistorySource histories,
      AuditSigningKey key,
      Clock clock) {
    this.summaries = summaries;
    this.histories = histories;
    this.key = key;
    this.clock = clock;
  }

  public ExportSummary export(ExportScope scope, PreviousFile previous, OutputStream out)
      throws IOException {
    ExportWriter writer = new ExportWriter(out, key, scope, previous, clock.instant());
    RequestKey after = null;
    while (true) {
      List<RequestKey> page =
          summaries.createdBetween(scope.from(), scope.to(), scope.tenantIds(), after, PAGE);
      for (RequestKey request : page) {
        write(writer, request.requestId());
      }
      if (page.size() < PAGE) {
        return writer.finish();
      }
      after = page.get(page.size() - 1);
    }
  }

  private void write(ExportWriter writer, String requestId) throws IOException {
    String workflowId = LockboxNames.workflowId(requestId);
    Optional<WorkflowExecutionHistory> history = histories.fetch(workflowId);
    if (history.isPresent()) {
      writer.writeRequest(requestId, workflowId, history.get());
    } else {
      writer.writeMissing(
          requestId,
          workflowId,
          "Temporal has no history for this request (deleted by the namespace retention?)");
    }
  }

  public AuditSigningKey key() {
    return key;
  }
}
