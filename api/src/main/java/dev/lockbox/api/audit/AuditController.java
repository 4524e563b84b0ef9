package dev.lockbox.api.audit;

import dev.lockbox.api.problems.TemporalErrors;
import dev.lockbox.api.requests.LockboxRequests;
import dev.lockbox.api.security.CurrentUser;
import dev.lockbox.audit.AuditEvent;
import dev.lockbox.audit.export.AuditExporter;
import dev.lockbox.audit.export.ExportScope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Audit events (JSON, or CSV with {@code Accept: text/csv}), one request's trail, the signed bulk
 * export (NDJSON, streamed) and the public key that verifies exports.
 */
@RestController
@Tag(name = "Audit")
class AuditController {

  static final MediaType CSV =
      new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);
  static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");
  private static final Duration DEFAULT_RANGE = Duration.ofDays(30);

  private final AuditEventsService events;
  private final LockboxRequests requests;
  private final AuditExporter exporter;
  private final CurrentUser currentUser;
  private final Clock clock;

  AuditController(
      AuditEventsService events,
      LockboxRequests requests,
      AuditExporter exporter,
      CurrentUser currentUser,
      Clock clock) {
    this.events = events;
    this.requests = requests;
    this.exporter = exporter;
    this.currentUser = currentUser;
    this.clock = clock;
  }

  /** Events in [from, to) (default: the last 30 days), filtered, a page at a time. */
  @Operation(
      summary = "List audit events",
      description =
          "Audit events in [from, to) (default: the last 30 "
              + "days), read from their workflow histories, filtered by action, tenant "
              + "and subscription, a page at a time (Link rel=next while there are "
              + "more). CSV with Accept: text/csv. Auditors; approvers for their own "
              + "tenants.",
      responses = {
        @ApiResponse(
            responseCode = "200",
            description = "One page of events, {items, page, size, hasMore}, or CSV"),
        @ApiResponse(
            responseCode = "400",
            description =
                "A malformed time, from after to, an unknown action, or page or size out of range"),
        @ApiResponse(
            responseCode = "403",
            description = "Neither an auditor nor an approver, or another tenant's events"),
        @ApiResponse(
            responseCode = "503",
            description = "Temporal is unreachable or busy; retry after Retry-After seconds")
      })
  @GetMapping(
      value = "/api/audit/events",
      produces = {MediaType.APPLICATION_JSON_VALUE, "text/csv"})
  ResponseEntity<?> events(
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) String action,
      @RequestParam(required = false) String tenantId,
      @RequestParam(required = false) String subscriptionId,
      @RequestParam(required = false) String page,
      @RequestParam(required = false) String size,
      @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
    Instant end = AuditParameters.instant("to", to, clock.instant());
    Instant start = AuditParameters.instant("from", from, end.minus(DEFAULT_RANGE));
    AuditParameters.requireOrder(start, end);
    var filter =
        new AuditEventsService.Filter(
            start,
            end,
            AuditParameters.action(action),
            AuditAccess.tenantScope(currentUser.get(), tenantId),
            subscriptionId);
    int pageNumber = AuditParameters.number("page", page, 0, 0, 100_000);
    int pageSize = AuditParameters.number("size", size, 100, 1, AuditParameters.MAX_SIZE);
    AuditEventsService.EventPage result = events.events(filter, pageNumber, pageSize);
    ResponseEntity.BodyBuilder ok = ResponseEntity.ok();
    if (result.hasMore()) {
      String next =
          ServletUriComponentsBuilder.fromCurrentRequest()
              .replaceQueryParam("page", pageNumber + 1)
              .build()
              .toUriString();
      ok.header(HttpHeaders.LINK, "<" + next + ">; rel=\"next\"");
    }
    return wantsCsv(accept)
        ? ok.contentType(CSV).body(AuditCsv.of(result.items()))
        : ok.contentType(MediaType.APPLICATION_JSON).body(result);
  }

  /** One request's trail, for whoever may see the request. */
  @Operation(
      summary = "Read one request's audit trail",
      description =
          "The request's audit events, from its workflow history, for whoever may "
              + "see the request; CSV with Accept: text/csv.",
      responses = {
        @ApiResponse(responseCode = "200", description = "The request's events, or CSV"),
        @ApiResponse(responseCode = "404", description = "No such request, or not yours to see"),
        @ApiResponse(
            responseCode = "503",
            description = "Temporal is unreachable or busy; retry after Retry-After seconds")
      })
  @GetMapping(
      value = "/api/lockbox-requests/{id}/audit",
      produces = {MediaType.APPLICATION_JSON_VALUE, "text/csv"})
  ResponseEntity<?> trail(
      @PathVariable String id,
      @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
    List<AuditEvent> trail = requests.trail(id, currentUser.get());
    return wantsCsv(accept)
        ? ResponseEntity.ok().contentType(CSV).body(AuditCsv.of(trail))
        : ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(trail);
  }

  /**
   * The signed bulk export of the requests created in [from, to), streamed line by line: a response
   * cut short has no manifest, so it never verifies.
   */
  @Operation(
      summary = "Export the audit trail, signed",
      description =
          "The requests created in [from, to) with their events as NDJSON, "
              + "streamed, ending with a signed manifest (verify it with the public "
              + "key). A response cut short has no manifest and never verifies. "
              + "Auditors; approvers for their own tenants.",
      responses = {
        @ApiResponse(responseCode = "200", description = "The NDJSON export, as an attachment"),
        @ApiResponse(
            responseCode = "400",
            description = "from or to missing or malformed, or from after to"),
        @ApiResponse(
            responseCode = "403",
            description = "Neither an auditor nor an approver, or another tenant's export"),
        @ApiResponse(
            responseCode = "503",
            description = "Temporal is unreachable or busy; retry after Retry-After seconds")
      })
  @GetMapping(value = "/api/audit/export", produces = "application/x-ndjson")
  void export(
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) String tenantId,
      HttpServletResponse response)
      throws IOException {
    Instant start = AuditParameters.instant("from", from, null);
    Instant end = AuditParameters.instant("to", to, null);
    AuditParameters.requireOrder(start, end);
    Set<String> tenants = AuditAccess.tenantScope(currentUser.get(), tenantId);
    response.setContentType(NDJSON.toString());
    response.setCharacterEncoding("UTF-8");
    String file = ("lockbox-audit-" + start + "-" + end + ".ndjson").replace(':', '-');
    response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + file + "\"");
    OutputStream out = response.getOutputStream();
    try {
      exporter.export(new ExportScope(start, end, tenants), null, out);
    } catch (RuntimeException e) {
      // Before the first line this is a 503 problem; later the cut stream has no manifest.
      throw TemporalErrors.translate(e);
    }
    out.flush();
  }

  @Operation(
      summary = "Get the key that verifies exports",
      description =
          "The PEM public key of the export signatures; every signed-in user may " + "read it.",
      responses = {@ApiResponse(responseCode = "200", description = "The PEM public key")})
  @GetMapping(value = "/api/audit/public-key", produces = "application/x-pem-file")
  String publicKey() {
    return exporter.key().publicKeyPem();
  }

  /** CSV only when the caller asks for it; JSON for {@code *}/{@code *} and anything else. */
  static boolean wantsCsv(String accept) {
    if (accept == null) {
      return false;
    }
    try {
      double csv = -1;
      double json = -1;
      boolean csvFirst = false;
      for (MediaType type : MediaType.parseMediaTypes(accept)) {
        if (type.isCompatibleWith(CSV) && !type.isWildcardType() && !type.isWildcardSubtype()) {
          csvFirst = csvFirst || json < 0;
          csv = Math.max(csv, type.getQualityValue());
        } else if (type.isCompatibleWith(MediaType.APPLICATION_JSON)) {
          json = Math.max(json, type.getQualityValue());
        }
      }
      return csv > json || (csv >= 0 && csv == json && csvFirst);
    } catch (InvalidMediaTypeException e) {
      return false;
    }
  }
}
