package dev.lockbox.workflows.model;

import java.time.Duration;

/**
 * A decision as it is sent to the workflow. {@code actor} is the authenticated principal that the
 * caller (the API) vouches for, never a value taken from a request body.
 *
 * @param approvedDuration an approver's narrowing: access for this long instead of the duration
 *     asked for (never longer); null to approve what was asked, and in every other decision. Null
 *     in messages sent before approvers could narrow.
 */
public record Decision(String actor, Channel channel, String comment, Duration approvedDuration) {

  public Decision(String actor, Channel channel, String comment) {
    this(actor, channel, comment, null);
  }
}
