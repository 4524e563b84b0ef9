package dev.lockbox.api.requests;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Size;

/**
 * Body of approve, deny, cancel and revoke: an optional comment for the audit trail, and for an
 * approval optionally a shorter access than the engineer asked for.
 *
 * @param approvedDuration approve only: ISO-8601 (e.g. {@code PT2H}), at least {@code
 *     lockbox.minimum-access-duration}, at most the request's {@code accessDuration}
 */
public record DecisionBody(
    @Schema(description = "Why, for the audit trail (plain text).", example = "checked the ticket")
        @Size(max = 1000)
        @PlainText
        String comment,
    @Schema(
            description =
                "Approve only: grant access for this long instead of the duration asked for"
                    + " (ISO-8601). Never longer than asked, never shorter than the minimum access"
                    + " duration. With several approvers the shortest approved duration wins.",
            example = "PT2H",
            nullable = true)
        @Size(max = 32)
        String approvedDuration) {

  static final DecisionBody EMPTY = new DecisionBody(null, null);
}
