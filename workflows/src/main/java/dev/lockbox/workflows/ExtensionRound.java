package dev.lockbox.workflows;

import dev.lockbox.workflows.model.DecisionKind;
import dev.lockbox.workflows.model.DecisionRecord;
import dev.lockbox.workflows.model.Extension;
import dev.lockbox.workflows.model.ExtensionRequest;
import dev.lockbox.workflows.model.ExtensionStatus;
import io.temporal.workflow.Promise;
import java.time.Instant;

/** The mutable state of one extension of a request; {@link #snapshot()} is what callers see. */
final class ExtensionRound {

  final String id;
  final ExtensionRequest ask;
  final Instant requestedAt;
  final Instant expiresAt;
  final ApprovalRound round = new ApprovalRound();
  final Quorum quorum;
  ExtensionStatus status = ExtensionStatus.PENDING;
  DecisionRecord decision;
  Instant accessExpiresAt;
  Promise<Void> timer;

  ExtensionRound(
      String id, ExtensionRequest ask, Instant requestedAt, Instant expiresAt, RequestRecord of) {
    this.id = id;
    this.ask = ask;
    this.requestedAt = requestedAt;
    this.expiresAt = expiresAt;
    this.quorum = new Quorum(of, round);
  }

  /** Approved by its last approval, and waiting for the access system to move the end. */
  boolean awaitingGrant() {
    return status == ExtensionStatus.PENDING
        && decision != null
        && decision.kind() == DecisionKind.APPROVE;
  }

  boolean timedOut() {
    return timer != null && timer.isCompleted();
  }

  Extension snapshot() {
    return new Extension(
        id,
        ask.actor(),
        ask.channel(),
        ask.duration(),
        ask.reason(),
        requestedAt,
        expiresAt,
        status,
        round.progress(null),
        decision,
        accessExpiresAt);
  }
}
