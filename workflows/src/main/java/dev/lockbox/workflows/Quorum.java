package dev.lockbox.workflows;

import static dev.lockbox.workflows.LockboxErrors.ALREADY_APPROVED;
import static dev.lockbox.workflows.LockboxErrors.INVALID_DECISION;
import static dev.lockbox.workflows.LockboxErrors.NOT_ALLOWED;

import dev.lockbox.workflows.model.ApprovalLevel;
import dev.lockbox.workflows.model.Decision;
import dev.lockbox.workflows.model.DecisionRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The customer's approval levels of one request (from {@link Features#APPROVAL_LEVELS} on): who may
 * approve now, and what an approval counts for. Levels are asked in sequence; each needs its number
 * of distinct approvers; the same person never counts twice, the requester never counts. The
 * shortest duration any approver approved is the one granted.
 */
final class Quorum {

  private final RequestRecord record;
  private final ApprovalRound round;

  /** Counts the approvals of one round: the request's own, or one extension's. */
  Quorum(RequestRecord record, ApprovalRound round) {
    this.record = record;
    this.round = round;
  }

  /** Takes the tenant's levels: the requester is no approver of their own request. */
  void start(List<ApprovalLevel> levels) {
    String requester = record.request.requester();
    round.levels =
        levels.stream()
            .map(
                l ->
                    new ApprovalLevel(
                        l.requiredApprovals(),
                        l.approvers().stream().filter(a -> !a.equals(requester)).toList()))
            .toList();
    Set<String> everyone = new LinkedHashSet<>();
    round.levels.forEach(l -> everyone.addAll(l.approvers()));
    record.approvers = List.copyOf(everyone);
  }

  /** Why no approval can ever complete (a level with too few approvers), or null. */
  String shortfall() {
    for (int i = 0; i < round.levels.size(); i++) {
      ApprovalLevel level = round.levels.get(i);
      if (level.approvers().size() < level.requiredApprovals()) {
        return "approval level "
            + (i + 1)
            + " needs "
            + level.requiredApprovals()
            + " approvers other than the requester, and the directory names "
            + level.approvers().size();
      }
    }
    return null;
  }

  /** The Update validator of an approval: only reads the state. */
  void validate(Decision decision) {
    String actor = decision.actor();
    if (record.isRequester(actor)) {
      throw NOT_ALLOWED.failure("requesters never decide their own request", record.status);
    }
    if (approvedBy(actor)) {
      throw ALREADY_APPROVED.failure(
          actor
              + " already approved this request; it needs "
              + stillNeeded()
              + " more approval(s) from other approvers",
          record.status);
    }
    if (levelDone()) {
      // Counted in this very workflow task; the next level is asked as soon as it runs on.
      throw LockboxErrors.NOT_IN_EXPECTED_STATUS.failure(
          "approval level " + round.level + " has its approvals; the next level is being asked",
          record.status);
    }
    if (!current().approvers().contains(actor)) {
      throw NOT_ALLOWED.failure(
          record.isApprover(actor)
              ? actor + " does not approve at level " + round.level + ", which waits now"
              : actor + " is not a designated approver of this request",
          record.status);
    }
  }

  /** An approver may shorten the access asked for, never lengthen it. */
  void requireShorterOrEqual(Duration approved) {
    Duration asked = record.request.accessDuration();
    if (approved != null
        && (approved.isZero() || approved.isNegative() || approved.compareTo(asked) > 0)) {
      throw INVALID_DECISION.failure(
          "the approved duration "
              + approved
              + " must be positive and at most the "
              + asked
              + " asked for: an approver may shorten access, never lengthen it",
          record.status);
    }
  }

  /** Counts an approval at the current level; true when it was the last one needed. */
  boolean count(Decision decision, Instant at) {
    round.approvals.add(DecisionRecord.approval(decision, at, round.level));
    return levelDone() && isLastLevel();
  }

  /** The approval counted last: the one that decided, once {@link #count} said so. */
  DecisionRecord lastApproval() {
    return round.approvals.get(round.approvals.size() - 1);
  }

  /** The current level has its approvals and a later level waits to be asked. */
  boolean nextLevelDue() {
    return round.levels != null && levelDone() && !isLastLevel();
  }

  void nextLevel() {
    round.level++;
  }

  private boolean levelDone() {
    return approvalsAt(round.level) >= current().requiredApprovals();
  }

  private boolean isLastLevel() {
    return round.level >= round.levels.size();
  }

  private ApprovalLevel current() {
    return round.levels.get(round.level - 1);
  }

  private long approvalsAt(int level) {
    return round.approvals.stream().filter(a -> a.level() == level).count();
  }

  private boolean approvedBy(String actor) {
    return round.approvals.stream().anyMatch(a -> a.actor().equals(actor));
  }

  private int stillNeeded() {
    int needed = round.levels.stream().mapToInt(ApprovalLevel::requiredApprovals).sum();
    return needed - round.approvals.size();
  }
}
