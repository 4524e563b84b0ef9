package dev.lockbox.api.access;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.lockbox.readmodel.AccessGrantRepository.StoredGrant;
import java.time.Instant;

/** The answer of {@code GET /api/access/check}: allowed with the grant, or just not allowed. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record AccessCheck(boolean allowed, String requestId, String accessLevel, Instant expiresAt) {

  static final AccessCheck NOT_ALLOWED = new AccessCheck(false, null, null, null);

  static AccessCheck allowed(StoredGrant grant) {
    return new AccessCheck(true, grant.requestId(), grant.accessLevel(), grant.expiresAt());
  }
}
