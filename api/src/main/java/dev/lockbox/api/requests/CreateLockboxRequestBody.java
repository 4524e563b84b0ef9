package dev.lockbox.api.requests;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What an engineer sends to ask for access. The requester is not a field: it is the signed-in user.
 *
 * @param justification free text under the one {@link PlainText} rule
 * @param requestedDuration ISO-8601 (e.g. {@code PT2H}); at least {@code
 *     lockbox.minimum-access-duration}, at most the matched rule's maximum
 * @param resourceScope RESOURCE (default), RESOURCE_GROUP, SUBSCRIPTION or TENANT
 * @param breakGlass emergency access outside standard procedures (incident responders only)
 */
public record CreateLockboxRequestBody(
    @NotBlank @Size(max = 128) @Pattern(regexp = ID, message = ID_MESSAGE) String supportTicketId,
    @NotBlank @Size(max = 128) @Pattern(regexp = ID, message = ID_MESSAGE) String tenantId,
    @NotBlank @Size(max = 128) @Pattern(regexp = ID, message = ID_MESSAGE) String subscriptionId,
    @NotBlank @Size(max = 128) @Pattern(regexp = ID, message = ID_MESSAGE) String resourceType,
    @NotBlank @Size(max = 512) @Pattern(regexp = RESOURCE, message = RESOURCE_MESSAGE)
        String resourceId,
    @NotBlank @Size(max = 64) @Pattern(regexp = ID, message = ID_MESSAGE) String accessLevel,
    @NotBlank @Size(min = 10, max = 2000) @PlainText String justification,
    @Size(max = 32) String requestedDuration,
    @Pattern(
            regexp = "RESOURCE|RESOURCE_GROUP|SUBSCRIPTION|TENANT",
            message = "RESOURCE, RESOURCE_GROUP, SUBSCRIPTION or TENANT")
        String resourceScope,
    Boolean breakGlass) {

  static final String ID = "[A-Za-z0-9][A-Za-z0-9._-]*";
  static final String ID_MESSAGE = "letters, digits, '.', '_' and '-' only";
  static final String RESOURCE = "[A-Za-z0-9][A-Za-z0-9._/:-]*";
  static final String RESOURCE_MESSAGE = "letters, digits, '.', '_', '-', '/' and ':' only";

  boolean isBreakGlass() {
    return Boolean.TRUE.equals(breakGlass);
  }
}
