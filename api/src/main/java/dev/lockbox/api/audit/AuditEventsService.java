package dev.lockbox.api.audit;

import dev.lockbox.api.requests.LockboxWorkflows;
import dev.lockbox.audit.AuditAction;
import dev.lockbox.audit.AuditEvent;
import dev.lockbox.readmodel.RequestKey;
import dev.lockbox.readmodel.RequestSummaryRepository;
import dev.lockbox.workflows.model.LockboxStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * Audit events of many requests, read from their histories. The read model names the requests that
 * may have acted in the range; each history is read and filtered, and reading stops as soon as the
 * page is full. Events come grouped by request (oldest request first), each request's in time
 * order.
 */
@Service
public class AuditEventsService {

  /** Final steps (a revoke, an expiry) land a little after the time the read model recorded. */
  private static final Duration LATE_STEPS = Duration.ofHours(1);

  private static final int REQUESTS_PER_READ = 100;
  private static final Set<String> FINAL_STATUSES =
      Arrays.stream(LockboxStatus.values())
          .filter(LockboxStatus::isFinal)
          .map(Enum::name)
          .collect(Collectors.toSet());

  private final RequestSummaryRepository summaries;
  private final LockboxWorkflows workflows;

  AuditEventsService(RequestSummaryRepository summaries, LockboxWorkflows workflows) {
    this.summaries = summaries;
    this.workflows = workflows;
  }

  /** Which events: a time range, optionally one action, tenants (null: all) and a subscription. */
  public record Filter(
      Instant from, Instant to, AuditAction action, Set<String> tenantIds, String subscriptionId) {

    public boolean matches(AuditEvent e) {
      return !e.time().isBefore(from)
          && e.time().isBefore(to)
          && (action == null || e.action() == action)
          && (tenantIds == null || tenantIds.contains(e.tenantId()))
          && (subscriptionId == null || subscriptionId.equals(e.subscriptionId()));
    }
  }

  public record EventPage(List<AuditEvent> items, int page, int size, boolean hasMore) {}

  public EventPage events(Filter filter, int page, int size) {
    long skip = (long) page * size;
    List<AuditEvent> items = new ArrayList<>(size);
    RequestKey after = null;
    while (true) {
      List<RequestKey> requests =
          summaries.activeBetween(
              filter.from().minus(LATE_STEPS),
              filter.to(),
              filter.tenantIds(),
              filter.subscriptionId(),
              FINAL_STATUSES,
              after,
              REQUESTS_PER_READ);
      for (RequestKey request : requests) {
        for (AuditEvent event : workflows.trail(request.requestId()).orElse(List.of())) {
          if (!filter.matches(event)) {
            continue;
          }
          if (skip > 0) {
            skip--;
          } else if (items.size() == size) {
            return new EventPage(items, page, size, true);
          } else {
            items.add(event);
          }
        }
      }
      if (requests.size() < REQUESTS_PER_READ) {
        return new EventPage(items, page, size, false);
      }
      after = requests.get(requests.size() - 1);
    }
  }
}
