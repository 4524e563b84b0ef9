package dev.lockbox.api.portal;

import dev.lockbox.api.problems.RequestNotFoundException;
import dev.lockbox.api.problems.TemporalUnavailableException;
import dev.lockbox.api.requests.LockboxRequests;
import dev.lockbox.directory.DirectoryUser;
import dev.lockbox.workflows.model.ApprovalProgress;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Which pending requests of one page the viewer approved already: with approval levels such a
 * request still waits, but for someone else. The read model keeps no approvals, so each row's
 * workflow state is read, at most a page's worth. When Temporal does not answer, the rest of the
 * page shows as the read model has it rather than waiting for each row in turn.
 */
@Component
class YourApprovals {

  private static final Logger log = LoggerFactory.getLogger(YourApprovals.class);

  private final LockboxRequests requests;

  YourApprovals(LockboxRequests requests) {
    this.requests = requests;
  }

  /** The ids of the rows' requests this user's approval is counted in. */
  Set<String> among(List<SummaryRow> rows, DirectoryUser user) {
    Set<String> approved = new HashSet<>();
    for (SummaryRow row : rows) {
      String id = row.summary().requestId();
      try {
        ApprovalProgress approval = requests.visible(id, user).approval();
        if (approval != null && approval.approvedBy(user.id())) {
          approved.add(id);
        }
      } catch (RequestNotFoundException e) {
        // No longer this user's to see since the list was read: nothing to mark.
      } catch (TemporalUnavailableException e) {
        log.info("Pending list shown without the viewer's approvals: {}", e.getMessage());
        break;
      }
    }
    return approved;
  }
}
