package dev.lockbox.activities.access;

import dev.lockbox.activities.metrics.LockboxMetrics;
import dev.lockbox.readmodel.AccessGrantRepository;
import dev.lockbox.readmodel.RequestSummary;
import dev.lockbox.readmodel.RequestSummaryRepository;
import dev.lockbox.readmodel.SummaryPage;
import dev.lockbox.readmodel.SummaryQuery;
import dev.lockbox.workflows.LockboxNames;
import dev.lockbox.workflows.LockboxSearchAttributes;
import dev.lockbox.workflows.model.LockboxStatus;
import dev.lockbox.workflows.reconcile.ReconcileReport;
import dev.lockbox.workflows.reconcile.ReconcilerActivities;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionDescription;
import io.temporal.client.WorkflowNotFoundException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reconciler's pass. A grant is orphaned when its request's workflow can no longer end it: the
 * workflow is closed (terminated, failed, or ended without revoking), gone, or was reset to before
 * the grant. A running workflow that is approved, granted or already revoking ends its grant itself
 * and is left alone, so a grant just made is never taken for an orphan.
 */
public class AccessReconciler implements ReconcilerActivities {

  private static final Logger log = LoggerFactory.getLogger(AccessReconciler.class);
  private static final Set<String> ENDS_ITS_OWN_GRANT =
      Set.of(
          LockboxStatus.APPROVED.name(),
          LockboxStatus.ACCESS_GRANTED.name(),
          LockboxStatus.COMPLETED.name());

  private final AccessSettings settings;
  private final AccessGrantRepository grants;
  private final RequestSummaryRepository summaries;
  private final AccessProvisioner provisioner;
  private final WorkflowClient client;
  private final LockboxMetrics metrics;
  // Reported once per process: a lasting problem is not counted again at every pass.
  private final Set<String> reportedMissing = java.util.concurrent.ConcurrentHashMap.newKeySet();
  private final Set<String> revokedOrphans = java.util.concurrent.ConcurrentHashMap.newKeySet();

  public AccessReconciler(
      AccessSettings settings,
      AccessGrantRepository grants,
      RequestSummaryRepository summaries,
      AccessProvisioner provisioner,
      WorkflowClient client,
      LockboxMetrics metrics) {
    this.settings = settings;
    this.grants = grants;
    this.summaries = summaries;
    this.provisioner = provisioner;
    this.client = client;
    this.metrics = metrics;
  }

  @Override
  public ReconcileReport reconcileAccess() {
    List<String> orphaned = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    for (String requestId : grantedAtTheAccessSystem()) {
      Optional<String> status = liveStatus(requestId);
      if (status.isEmpty() || !ENDS_ITS_OWN_GRANT.contains(status.get())) {
        revokeOrphan(requestId, status, orphaned);
      } else if (!settings.usesWebhook()
          && status.get().equals(LockboxStatus.ACCESS_GRANTED.name())
          && grantAbsentOrRevoked(requestId)) {
        reportMissing(requestId, missing);
      }
    }
    return new ReconcileReport(orphaned, missing);
  }

  /**
   * The built-in system's live grants, and the read model's granted requests (for the webhook,
   * whose grants Lockbox cannot list, and to find granted requests without a grant).
   */
  private Set<String> grantedAtTheAccessSystem() {
    Set<String> ids = new LinkedHashSet<>();
    if (!settings.usesWebhook()) {
      grants.liveGrants().forEach(g -> ids.add(g.requestId()));
    }
    int page = 0;
    SummaryPage rows;
    do {
      rows =
          summaries.find(
              new SummaryQuery(
                  LockboxStatus.ACCESS_GRANTED.name(),
                  null,
                  null,
                  null,
                  page++,
                  SummaryQuery.MAX_SIZE));
      rows.items().stream().map(RequestSummary::requestId).forEach(ids::add);
    } while ((long) page * SummaryQuery.MAX_SIZE < rows.total());
    return ids;
  }

  private void revokeOrphan(String requestId, Optional<String> status, List<String> orphaned) {
    if (!settings.usesWebhook() && !grants.isLive(requestId)) {
      return; // the read model's row of a request whose grant has already ended
    }
    if (settings.usesWebhook() && revokedOrphans.contains(requestId)) {
      return;
    }
    provisioner.revoke(requestId);
    revokedOrphans.add(requestId);
    orphaned.add(requestId);
    metrics.orphanedGrantRevoked();
    log.warn(
        "Reconciler revoked the orphaned grant of request {}: its workflow is {}",
        requestId,
        status.map(s -> "running in " + s).orElse("closed or gone"));
  }

  /**
   * A grant that merely passed its own expiry is not missing: the workflow's timer fires at the
   * same moment and revokes.
   */
  private boolean grantAbsentOrRevoked(String requestId) {
    return grants.find(requestId).map(g -> g.revokedAt() != null).orElse(true);
  }

  private void reportMissing(String requestId, List<String> missing) {
    missing.add(requestId);
    if (reportedMissing.add(requestId)) {
      metrics.missingGrantFound();
      log.warn(
          "Reconciler found request {} ACCESS_GRANTED without a live grant at the access system",
          requestId);
    }
  }

  /** The request's status while its workflow runs; empty when it is closed or gone. */
  private Optional<String> liveStatus(String requestId) {
    try {
      WorkflowExecutionDescription description =
          client.newUntypedWorkflowStub(LockboxNames.workflowId(requestId)).describe();
      if (description.getStatus() != WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING) {
        return Optional.empty();
      }
      return Optional.ofNullable(
          description.getTypedSearchAttributes().get(LockboxSearchAttributes.STATUS));
    } catch (WorkflowNotFoundException gone) {
      return Optional.empty();
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
        return Optional.empty();
      }
      throw e;
    }
  }
}
