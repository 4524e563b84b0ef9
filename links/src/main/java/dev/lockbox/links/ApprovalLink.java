package dev.lockbox.links;

import java.time.Instant;
import java.util.Objects;

/**
 * What an approver's email link stands for: one request, one approver, valid until the request
 * expires. Signed by {@link ApprovalLinkSigner}; the token itself is never stored anywhere.
 */
public record ApprovalLink(String requestId, String approverId, Instant expiresAt) {

  public ApprovalLink {
    Objects.requireNonNull(requestId, "requestId");
    Objects.requireNonNull(approverId, "approverId");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }
}
