package dev.lockbox.api.requests;

import dev.lockbox.workflows.LockboxNames;
import dev.lockbox.workflows.LockboxSearchAttributes;
import dev.lockbox.workflows.model.LockboxRequest;
import dev.lockbox.workflows.model.LockboxStatus;
import io.temporal.api.enums.v1.WorkflowIdConflictPolicy;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.WorkflowOptions;
import io.temporal.common.SearchAttributes;

/** How one request's workflow starts: its business key, search attributes and Web UI summary. */
final class LockboxStartOptions {

  private LockboxStartOptions() {}

  /**
   * A repeated start of a running request fails (fail on conflict) and a closed one is never
   * started again (reject duplicate), so an idempotency key maps to exactly one request, and only
   * the one caller whose start made it learns that it is new: concurrent callers with one key get
   * one 201. There is deliberately no execution or run timeout: it would close the workflow without
   * revoking.
   */
  static WorkflowOptions options(LockboxRequest request) {
    return WorkflowOptions.newBuilder()
        .setTaskQueue(LockboxNames.TASK_QUEUE)
        .setWorkflowId(LockboxNames.workflowId(request.requestId()))
        .setWorkflowIdConflictPolicy(WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_FAIL)
        .setWorkflowIdReusePolicy(WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE)
        .setTypedSearchAttributes(searchAttributes(request))
        .setStaticSummary(summary(request))
        .setStaticDetails(details(request))
        .build();
  }

  private static SearchAttributes searchAttributes(LockboxRequest r) {
    return SearchAttributes.newBuilder()
        .set(LockboxSearchAttributes.STATUS, LockboxStatus.EVALUATING.name())
        .set(LockboxSearchAttributes.TENANT_ID, r.tenantId())
        .set(LockboxSearchAttributes.SUBSCRIPTION_ID, r.subscriptionId())
        .set(LockboxSearchAttributes.SUPPORT_TICKET_ID, r.supportTicketId())
        .set(LockboxSearchAttributes.REQUESTER, r.requester())
        .set(LockboxSearchAttributes.RESOURCE_TYPE, r.resourceType())
        .set(LockboxSearchAttributes.BREAK_GLASS, r.breakGlass())
        .build();
  }

  /** "RemoteDesktop to vm-web-01 for ticket SR-1001 — contoso": what operators read first. */
  static String summary(LockboxRequest r) {
    return (r.breakGlass() ? "BREAK-GLASS " : "")
        + r.accessLevel()
        + " to "
        + r.resourceId()
        + " for ticket "
        + r.supportTicketId()
        + " — "
        + r.tenantId();
  }

  private static String details(LockboxRequest r) {
    return String.join(
        "\n",
        "**Requester:** " + r.requester(),
        "**Resource:** " + r.resourceType() + " `" + r.resourceId() + "` in " + r.subscriptionId(),
        "**Access:** "
            + r.accessLevel()
            + " on the "
            + r.resourceScope()
            + " for "
            + r.accessDuration(),
        "**Approval window:** " + r.approvalWindow());
  }
}
