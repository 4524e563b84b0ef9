package dev.lockbox.api.access;

import dev.lockbox.api.problems.InvalidRequestException;
import dev.lockbox.api.problems.NotAllowedException;
import dev.lockbox.api.security.CurrentUser;
import dev.lockbox.directory.DirectoryUser;
import dev.lockbox.directory.Role;
import dev.lockbox.readmodel.AccessGrantRepository;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The built-in access system's answer to a gateway: may this principal enter this resource now? It
 * reads the grants directly, so an early revoke is refused at the very next check.
 */
@RestController
@Tag(name = "Access checks")
class AccessCheckController {

  private final AccessGrantRepository grants;
  private final CurrentUser currentUser;

  AccessCheckController(AccessGrantRepository grants, CurrentUser currentUser) {
    this.grants = grants;
    this.currentUser = currentUser;
  }

  @Operation(
      summary = "Check whether a principal may enter a resource now",
      description =
          "Read from the grants themselves, so an early revoke is refused at the "
              + "very next check. Gateways and auditors.",
      responses = {
        @ApiResponse(
            responseCode = "200",
            description = "{allowed: true, requestId, accessLevel, expiresAt} or {allowed: false}"),
        @ApiResponse(responseCode = "400", description = "principal or resourceId missing"),
        @ApiResponse(responseCode = "403", description = "Neither a gateway nor an auditor")
      })
  @GetMapping(value = "/api/access/check", produces = MediaType.APPLICATION_JSON_VALUE)
  AccessCheck check(
      @RequestParam(required = false) String principal,
      @RequestParam(required = false) String resourceId) {
    requireGatewayOrAuditor(currentUser.get());
    return grants
        .liveGrant(required("principal", principal), required("resourceId", resourceId))
        .map(AccessCheck::allowed)
        .orElse(AccessCheck.NOT_ALLOWED);
  }

  private static void requireGatewayOrAuditor(DirectoryUser user) {
    if (!user.has(Role.GATEWAY) && !user.has(Role.AUDITOR)) {
      throw new NotAllowedException("Only gateways and auditors check access.");
    }
  }

  private static String required(String name, String value) {
    if (value == null || value.isBlank()) {
      throw new InvalidRequestException("The query parameter " + name + " is required.");
    }
    return value;
  }
}
