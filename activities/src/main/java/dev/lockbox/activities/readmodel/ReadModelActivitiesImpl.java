package dev.lockbox.activities.readmodel;

import dev.lockbox.activities.metrics.LockboxMetrics;
import dev.lockbox.readmodel.RequestSummary;
import dev.lockbox.readmodel.RequestSummaryRepository;
import dev.lockbox.workflows.activities.ReadModelActivities;
import dev.lockbox.workflows.model.LockboxState;
import java.util.List;

public class ReadModelActivitiesImpl implements ReadModelActivities {

  private final RequestSummaryRepository repository;
  private final LockboxMetrics metrics;

  public ReadModelActivitiesImpl(RequestSummaryRepository repository, LockboxMetrics metrics) {
    this.repository = repository;
    this.metrics = metrics;
  }

  /** Counts a status change only when it is new, so a retried write is not counted twice. */
  @Override
  public void recordState(LockboxState state) {
    if (repository.save(RequestSummary.of(state))) {
      metrics.statusReached(state.status(), state.createdAt(), state.decision());
    }
  }

  @Override
  public void recordStates(List<LockboxState> states) {
    states.forEach(this::recordState);
  }
}
