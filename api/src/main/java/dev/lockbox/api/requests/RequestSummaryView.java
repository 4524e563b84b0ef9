package dev.lockbox.api.requests;

import dev.lockbox.readmodel.RequestSummary;
import dev.lockbox.readmodel.SummaryPage;
import java.time.Instant;
import java.util.List;

/** One line of a listing, from the read model. */
public record RequestSummaryView(
    String id,
    String status,
    String requester,
    String supportTicketId,
    String tenantId,
    String subscriptionId,
    String resourceType,
    String resourceId,
    String accessLevel,
    Instant createdAt,
    Instant expiresAt,
    Instant decidedAt,
    Instant accessGrantedAt,
    Instant revokedAt) {

  public record Page(List<RequestSummaryView> items, int page, int size, long total) {

    static Page of(SummaryPage page) {
      return new Page(
          page.items().stream().map(RequestSummaryView::of).toList(),
          page.page(),
          page.size(),
          page.total());
    }
  }

  static RequestSummaryView of(RequestSummary s) {
    return new RequestSummaryView(
        s.requestId(),
        s.status(),
        s.requester(),
        s.supportTicketId(),
        s.tenantId(),
        s.subscriptionId(),
        s.resourceType(),
        s.resourceId(),
        s.accessLevel(),
        s.createdAt(),
        s.expiresAt(),
        s.decidedAt(),
        s.grantedAt(),
        s.revokedAt());
  }
}
