package dev.lockbox.workflows.model;

import java.time.Duration;
import java.time.Instant;

/**
 * A decision as the workflow took it: who, how, why and when (workflow time).
 *
 * @param approvedDuration the access duration an approver approved when shorter than asked; null
 *     otherwise (and in decisions recorded before approvers could narrow)
 * @param level the approval level (1-based) an approval counted at; null for other decisions and in
 *     requests started before approval levels existed
 */
public record DecisionRecord(
    DecisionKind kind,
    String actor,
    Channel channel,
    String comment,
    Instant at,
    Duration approvedDuration,
    Integer level) {

  public static final String SYSTEM_ACTOR = "system";

  public DecisionRecord(
      DecisionKind kind, String actor, Channel channel, String comment, Instant at) {
    this(kind, actor, channel, comment, at, null, null);
  }

  public static DecisionRecord of(DecisionKind kind, Decision decision, Instant at) {
    return new DecisionRecord(kind, decision.actor(), decision.channel(), decision.comment(), at);
  }

  /** One approver's approval, counted at this level, with the duration they approved. */
  public static DecisionRecord approval(Decision decision, Instant at, int level) {
    return new DecisionRecord(
        DecisionKind.APPROVE,
        decision.actor(),
        decision.channel(),
        decision.comment(),
        at,
        decision.approvedDuration(),
        level);
  }

  public static DecisionRecord bySystem(DecisionKind kind, String reason, Instant at) {
    return new DecisionRecord(kind, SYSTEM_ACTOR, Channel.SYSTEM, reason, at);
  }
}
