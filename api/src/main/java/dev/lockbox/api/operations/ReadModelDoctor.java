package dev.lockbox.api.operations;

import dev.lockbox.api.requests.LockboxWorkflows;
import dev.lockbox.readmodel.RequestSummary;
import dev.lockbox.readmodel.RequestSummaryRepository;
import dev.lockbox.workflows.LockboxSearchAttributes;
import io.temporal.common.SearchAttributes;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Compares the read model with Temporal and repairs it from the workflows. Visibility is the cheap
 * index (one listing with each workflow's {@code LockboxStatus}, {@code TenantId}, {@code
 * Requester} and {@code BreakGlass}); only requests where it and the row disagree are asked for
 * their state, which is the truth: visibility lags a little behind a workflow, the state does not.
 * A row counts as drift only when it differs from that state.
 */
public class ReadModelDoctor {

  private static final int PAGE = 500;

  private final LockboxWorkflows workflows;
  private final RequestSummaryRepository summaries;
  private final Clock clock;

  public ReadModelDoctor(
      LockboxWorkflows workflows, RequestSummaryRepository summaries, Clock clock) {
    this.workflows = workflows;
    this.summaries = summaries;
    this.clock = clock;
  }

  /** Finds the drift; with {@code repair}, rewrites each drifting row from its workflow. */
  public ReadModelDrift check(boolean repair) {
    Map<String, Indexed> indexed = visibility();
    Map<String, RequestSummary> rows = rows();
    List<ReadModelDrift.Entry> drift = new ArrayList<>();
    for (Map.Entry<String, Indexed> workflow : indexed.entrySet()) {
      RequestSummary row = rows.get(workflow.getKey());
      if (!workflow.getValue().matches(row)) {
        confirmed(workflow.getKey(), row, repair).ifPresent(drift::add);
      }
    }
    List<String> notInTemporal =
        rows.keySet().stream().filter(id -> !indexed.containsKey(id)).sorted().toList();
    return new ReadModelDrift(
        clock.instant(), indexed.size(), rows.size(), drift, notInTemporal, repair);
  }

  /** The row against the workflow's own state; repaired when asked. */
  private Optional<ReadModelDrift.Entry> confirmed(
      String requestId, RequestSummary row, boolean repair) {
    RequestSummary truth = RequestSummary.of(workflows.state(requestId));
    if (Objects.equals(row, truth)) {
      return Optional.empty(); // only visibility was behind
    }
    if (repair) {
      summaries.repair(truth);
    }
    return Optional.of(
        new ReadModelDrift.Entry(requestId, row == null ? null : row.status(), truth.status()));
  }

  /** Request id to what visibility has for it. */
  private Map<String, Indexed> visibility() {
    Map<String, Indexed> indexed = new HashMap<>();
    workflows
        .indexed()
        .forEach((requestId, attributes) -> indexed.put(requestId, Indexed.of(attributes)));
    return indexed;
  }

  /** The search attributes a row can be compared with. */
  private record Indexed(String status, String tenantId, String requester, Boolean breakGlass) {

    static Indexed of(SearchAttributes attributes) {
      return new Indexed(
          attributes.get(LockboxSearchAttributes.STATUS),
          attributes.get(LockboxSearchAttributes.TENANT_ID),
          attributes.get(LockboxSearchAttributes.REQUESTER),
          attributes.get(LockboxSearchAttributes.BREAK_GLASS));
    }

    boolean matches(RequestSummary row) {
      return row != null
          && row.status().equals(status)
          && row.tenantId().equals(tenantId)
          && row.requester().equals(requester)
          && row.breakGlass() == Boolean.TRUE.equals(breakGlass);
    }
  }

  private Map<String, RequestSummary> rows() {
    Map<String, RequestSummary> rows = new HashMap<>();
    String after = null;
    List<RequestSummary> page;
    do {
      page = summaries.byRequestId(after, PAGE);
      page.forEach(row -> rows.put(row.requestId(), row));
      after = page.isEmpty() ? after : page.get(page.size() - 1).requestId();
    } while (page.size() == PAGE);
    return rows;
  }
}
