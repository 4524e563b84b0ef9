package dev.lockbox.workflows.model;

import java.time.Instant;

/** A decision as the workflow took it: who, how, why and when (workflow time). */
public record DecisionRecord(
    DecisionKind kind, String actor, Channel channel, String comment, Instant at) {

  public static final String SYSTEM_ACTOR = "system";

  public static DecisionRecord of(DecisionKind kind, Decision decision, Instant at) {
    return new DecisionRecord(kind, decision.actor(), decision.channel(), decision.comment(), at);
  }

  public static DecisionRecord bySystem(DecisionKind kind, String reason, Instant at) {
    return new DecisionRecord(kind, SYSTEM_ACTOR, Channel.SYSTEM, reason, at);
  }
}
