package dev.lockbox.audit;

import static dev.lockbox.audit.PayloadJson.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.lockbox.workflows.LockboxSearchAttributes;
import dev.lockbox.workflows.LockboxWorkflow;
import dev.lockbox.workflows.activities.DirectoryActivities;
import dev.lockbox.workflows.activities.PolicyActivities;
import dev.lockbox.workflows.model.JitOutcome;
import dev.lockbox.workflows.model.LockboxStatus;
import io.temporal.api.common.v1.Payload;
import io.temporal.api.common.v1.Payloads;
import io.temporal.api.failure.v1.Failure;
import io.temporal.api.history.v1.HistoryEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.StreamSupport;

/**
 * What a trail has read of one history so far: the request, the activities scheduled, the decisions
 * the workflow accepted and an operator's cancel request. It turns each history event into at most
 * one {@link Fired} trigger and attributes the audit events the rules make of them.
 */
final class TrailContext {

  private static final String STATUS = LockboxSearchAttributes.STATUS.getName();

  /** The Java SDK's marker of a local activity's run (its details: type, input, result). */
  private static final String LOCAL_ACTIVITY_MARKER = "LocalActivity";

  private static final Set<String> LOCAL_LOOKUPS =
      Set.of(
          PolicyActivities.EVALUATE_REQUEST,
          DirectoryActivities.FIND_APPROVERS,
          DirectoryActivities.FIND_APPROVAL_LEVELS,
          DirectoryActivities.FIND_INTERNAL_APPROVERS);

  private static final Payloads NONE = Payloads.getDefaultInstance();

  private final String requestId;
  private JsonNode request = MissingNode.getInstance();
  private JsonNode jit = MissingNode.getInstance();
  private JsonNode approvers = MissingNode.getInstance();
  private JsonNode levels = MissingNode.getInstance();
  private final List<JsonNode> approvals = new ArrayList<>();
  private final Map<Long, String> activityTypes = new HashMap<>();
  private final Map<Long, JsonNode> activityInputs = new HashMap<>();
  private final Map<String, Attribution> acceptedDecisions = new HashMap<>();
  private final ConversationTrail conversation = new ConversationTrail();
  private Attribution operatorCancel;
  private String status = LockboxStatus.EVALUATING.name();
  private String previousStatus;

  TrailContext(String requestId) {
    this.requestId = requestId;
  }

  Optional<Fired> read(HistoryEvent e) {
    switch (e.getEventType()) {
      case EVENT_TYPE_WORKFLOW_EXECUTION_STARTED -> {
        request = PayloadJson.first(e.getWorkflowExecutionStartedEventAttributes().getInput());
        return Optional.of(Fired.of(Trigger.started(), e));
      }
      case EVENT_TYPE_ACTIVITY_TASK_SCHEDULED -> {
        var scheduled = e.getActivityTaskScheduledEventAttributes();
        activityTypes.put(e.getEventId(), scheduled.getActivityType().getName());
        activityInputs.put(e.getEventId(), PayloadJson.first(scheduled.getInput()));
        return Optional.empty();
      }
      case EVENT_TYPE_ACTIVITY_TASK_COMPLETED -> {
        var completed = e.getActivityTaskCompletedEventAttributes();
        return Optional.of(
            activityCompleted(
                e, completed.getScheduledEventId(), PayloadJson.first(completed.getResult())));
      }
      case EVENT_TYPE_ACTIVITY_TASK_FAILED -> {
        var failed = e.getActivityTaskFailedEventAttributes();
        return Optional.of(activityFailed(e, failed.getScheduledEventId(), failed.getFailure()));
      }
      case EVENT_TYPE_ACTIVITY_TASK_TIMED_OUT -> {
        var timedOut = e.getActivityTaskTimedOutEventAttributes();
        return Optional.of(
            activityFailed(e, timedOut.getScheduledEventId(), timedOut.getFailure()));
      }
      case EVENT_TYPE_MARKER_RECORDED -> {
        return localLookup(e);
      }
      case EVENT_TYPE_UPSERT_WORKFLOW_SEARCH_ATTRIBUTES -> {
        Payload status =
            e.getUpsertWorkflowSearchAttributesEventAttributes()
                .getSearchAttributes()
                .getIndexedFieldsMap()
                .get(STATUS);
        JsonNode value = status == null ? MissingNode.getInstance() : PayloadJson.of(status);
        if (!value.isTextual()) {
          return Optional.empty();
        }
        this.previousStatus = this.status;
        this.status = value.asText();
        return Optional.of(Fired.of(Trigger.status(value.asText()), e));
      }
      case EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED -> {
        var input =
            e.getWorkflowExecutionUpdateAcceptedEventAttributes().getAcceptedRequest().getInput();
        JsonNode decision = PayloadJson.first(input.getArgs());
        acceptedDecisions.put(input.getName(), decision(decision));
        conversation.accepted(input.getName(), decision);
        if (input.getName().equals(LockboxWorkflow.APPROVE)) {
          approvals.add(decision);
        }
        return Optional.of(Fired.of(Trigger.update(input.getName()), e));
      }
      case EVENT_TYPE_WORKFLOW_EXECUTION_CANCEL_REQUESTED -> {
        var cancel = e.getWorkflowExecutionCancelRequestedEventAttributes();
        operatorCancel =
            Attribution.system(
                "workflow canceled by an operator through Temporal (client "
                    + cancel.getIdentity()
                    + ")");
        return Optional.empty();
      }
      default -> {
        return Optional.empty();
      }
    }
  }

  private Fired activityCompleted(HistoryEvent e, long scheduledId, JsonNode result) {
    return completed(
        e,
        activityTypes.getOrDefault(scheduledId, ""),
        activityInputs.getOrDefault(scheduledId, MissingNode.getInstance()),
        result);
  }

  /**
   * A look-up run as a local activity (from the workflow's policy-and-approvers-as-local-activities
   * on): its marker carries its type, input and result, or its failure, and reads as the activity's
   * completion or failure did. Other markers (versions, and the local read-model writes of early
   * histories, which the trail never showed) make no audit event.
   */
  private Optional<Fired> localLookup(HistoryEvent e) {
    var marker = e.getMarkerRecordedEventAttributes();
    if (!LOCAL_ACTIVITY_MARKER.equals(marker.getMarkerName())) {
      return Optional.empty();
    }
    String type = PayloadJson.first(marker.getDetailsOrDefault("type", NONE)).asText("");
    if (!LOCAL_LOOKUPS.contains(type)) {
      return Optional.empty();
    }
    JsonNode input = PayloadJson.first(marker.getDetailsOrDefault("input", NONE));
    if (marker.hasFailure()) {
      return Optional.of(failed(e, type, input, marker.getFailure()));
    }
    return Optional.of(
        completed(e, type, input, PayloadJson.first(marker.getDetailsOrDefault("result", NONE))));
  }

  private Fired completed(HistoryEvent e, String type, JsonNode input, JsonNode result) {
    if (type.equals(PolicyActivities.EVALUATE_REQUEST)) {
      jit = result;
    } else if (type.equals(DirectoryActivities.FIND_APPROVERS)) {
      approvers = result;
    } else if (type.equals(DirectoryActivities.FIND_APPROVAL_LEVELS)) {
      levels = result;
    }
    return new Fired(Trigger.activityCompleted(type), e, input, result, null);
  }

  private Fired activityFailed(HistoryEvent e, long scheduledId, Failure failure) {
    return failed(
        e,
        activityTypes.getOrDefault(scheduledId, ""),
        activityInputs.getOrDefault(scheduledId, MissingNode.getInstance()),
        failure);
  }

  private static Fired failed(HistoryEvent e, String type, JsonNode input, Failure failure) {
    String message = failure.hasCause() ? failure.getCause().getMessage() : failure.getMessage();
    return new Fired(Trigger.activityFailed(type), e, input, MissingNode.getInstance(), message);
  }

  AuditEvent event(AuditAction action, Attribution by, HistoryEvent e) {
    var t = e.getEventTime();
    return new AuditEvent(
        Instant.ofEpochSecond(t.getSeconds(), t.getNanos()),
        action,
        by.actor(),
        by.channel(),
        text(request, "tenantId"),
        text(request, "subscriptionId"),
        Optional.ofNullable(text(request, "requestId")).orElse(requestId),
        text(request, "supportTicketId"),
        by.reason(),
        e.getEventId());
  }

  // ---- attributions the rules use ----

  /** Questions and extensions: who said what, as their Updates carried it. */
  ConversationTrail conversation() {
    return conversation;
  }

  /** Requests are created through the API by the authenticated engineer. */
  Attribution byRequester() {
    String what =
        text(request, "accessLevel")
            + " on "
            + text(request, "resourceType")
            + " "
            + text(request, "resourceId");
    return new Attribution(
        text(request, "requester"), "API", what + ": " + text(request, "justification"));
  }

  Attribution jitEvaluated(JsonNode result) {
    return Attribution.system(
        text(result, "outcome")
            + " (rule "
            + text(result, "ruleId")
            + "): "
            + joined(result.path("reasons")));
  }

  static Attribution policyUnavailable(String failure) {
    return Attribution.system(
        "the JIT policy could not be evaluated (" + failure + "); the request is refused");
  }

  Attribution rejected() {
    if (JitOutcome.REJECT.name().equals(text(jit, "outcome"))) {
      return Attribution.system(joined(jit.path("reasons")));
    }
    if (approvers.isArray() && approvers.isEmpty() || levels.isArray() && levels.isEmpty()) {
      return Attribution.system("the subscription has no designated Lockbox approver");
    }
    if (levels.isArray()) {
      return Attribution.system(ApprovalTrail.shortfall(levels, text(request, "requester")));
    }
    return Attribution.system("the JIT policy could not be evaluated");
  }

  /**
   * The accepted Update with one of these names decided (the first found); failing that an
   * operator's cancel; failing that the workflow itself (a timer), for the given reason.
   */
  Attribution decidedBy(String systemReason, String... updateNames) {
    for (String updateName : updateNames) {
      Attribution decision = acceptedDecisions.get(updateName);
      if (decision != null) {
        return decision;
      }
    }
    return operatorCancel != null ? operatorCancel : Attribution.system(systemReason);
  }

  /**
   * One approval counted towards a request that needs several (levels from the directory); null for
   * a request that one approval decides, whose approval is its APPROVE event.
   */
  Attribution approvalCounted() {
    if (ApprovalTrail.needed(levels) <= 1 || approvals.isEmpty()) {
      return null;
    }
    JsonNode last = approvals.get(approvals.size() - 1);
    Attribution by = decision(last);
    return new Attribution(
        by.actor(),
        by.channel(),
        ApprovalTrail.counted(levels, approvals.size(), last, request.path("accessDuration")));
  }

  /** The approval that decided, with who approved before and the duration they allowed. */
  Attribution approved() {
    Attribution by = decidedBy("approved", LockboxWorkflow.APPROVE);
    String summary =
        ApprovalTrail.approvedSummary(
            approvals, ApprovalTrail.needed(levels), request.path("accessDuration"));
    if (summary.isEmpty()) {
      return by;
    }
    String reason = by.reason() == null || by.reason().isBlank() ? "" : ": " + by.reason();
    return new Attribution(by.actor(), by.channel(), summary + reason);
  }

  Attribution expired() {
    return Attribution.system(
        LockboxStatus.INTERNAL_REVIEW.name().equals(previousStatus)
            ? "nobody decided within the internal approval window"
            : "nobody decided within the approval window");
  }

  Attribution internalReviewAsked() {
    return Attribution.system(
        "the policy (rule "
            + text(jit, "ruleId")
            + ") asks the "
            + text(jit, "internalApprovalRole")
            + " role to approve first");
  }

  /** Break-glass access is declared by the engineer when it is granted; other grants are not. */
  Attribution breakGlassDeclared() {
    if (!request.path("breakGlass").asBoolean(false)) {
      return null;
    }
    return new Attribution(
        text(request, "requester"),
        "API",
        "emergency access without waiting: " + text(request, "justification"));
  }

  Attribution granted(JsonNode grant) {
    return Attribution.system(
        text(grant, "accessLevel")
            + " on "
            + text(grant, "resourceType")
            + " "
            + text(grant, "resourceId")
            + " for "
            + text(grant, "principal")
            + " until "
            + text(grant, "expiresAt"));
  }

  private static Attribution decision(JsonNode decision) {
    return new Attribution(
        text(decision, "actor"), text(decision, "channel"), text(decision, "comment"));
  }

  private static String joined(JsonNode reasons) {
    List<String> texts =
        StreamSupport.stream(reasons.spliterator(), false).map(JsonNode::asText).toList();
    return String.join("; ", texts);
  }
}
