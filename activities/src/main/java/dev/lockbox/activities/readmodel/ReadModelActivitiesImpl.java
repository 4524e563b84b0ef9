package dev.lockbox.activities.readmodel;

import dev.lockbox.readmodel.RequestSummary;
import dev.lockbox.readmodel.RequestSummaryRepository;
import dev.lockbox.workflows.activities.ReadModelActivities;
import dev.lockbox.workflows.model.DecisionRecord;
import dev.lockbox.workflows.model.LockboxRequest;
import dev.lockbox.workflows.model.LockboxState;

public class ReadModelActivitiesImpl implements ReadModelActivities {

  private final RequestSummaryRepository repository;

  public ReadModelActivitiesImpl(RequestSummaryRepository repository) {
    this.repository = repository;
  }

  @Override
  public void recordState(LockboxState state) {
    repository.save(summaryOf(state));
  }

  static RequestSummary summaryOf(LockboxState s) {
    LockboxRequest r = s.request();
    DecisionRecord decision = s.decision();
    return new RequestSummary(
        r.requestId(),
        s.version(),
        s.status().name(),
        r.tenantId(),
        r.subscriptionId(),
        r.requester(),
        r.resourceType(),
        r.resourceId(),
        r.accessLevel(),
        r.supportTicketId(),
        s.createdAt(),
        s.expiresAt(),
        decision == null ? null : decision.at(),
        s.accessGrantedAt(),
        s.revokedAt());
  }
}
