package dev.lockbox.api.requests;

import jakarta.validation.constraints.Size;

/** Body of approve, deny, cancel and revoke: an optional comment for the audit trail. */
public record DecisionBody(@Size(max = 1000) @PlainText String comment) {

  static final DecisionBody EMPTY = new DecisionBody(null);
}
