package dev.lockbox.audit.export;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamWriteFeature;
import dev.lockbox.audit.AuditEvent;
import dev.lockbox.audit.AuditTrail;
import io.temporal.api.enums.v1.EventType;
import io.temporal.common.WorkflowExecutionHistory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Set;

/**
 * Writes an export as NDJSON, one request per line, then the signed manifest line. Holds one line
 * in memory at a time, plus 32 bytes per line for the manifest's list of hashes.
 *
 * <p>Manifest: {@code {"manifest":M,"signature":S}} where S is the Ed25519 signature of the SHA-256
 * of M's exact bytes; M holds the count, the SHA-256 of each line (its bytes without the newline),
 * the hash chain {@code chain_0 = 32 zero bytes, chain_i = SHA-256(chain_(i-1) || hash_i)} and the
 * public key.
 */
public final class ExportWriter {

  public static final String FORMAT = "lockbox-audit-export/1";
  static final String MANIFEST_START = "{\"manifest\":";
  static final String SIGNATURE_FIELD = ",\"signature\":\"";

  private static final JsonFactory JSON =
      JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();
  private static final Set<EventType> CLOSED =
      Set.of(
          EventType.EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED,
          EventType.EVENT_TYPE_WORKFLOW_EXECUTION_FAILED,
          EventType.EVENT_TYPE_WORKFLOW_EXECUTION_CANCELED,
          EventType.EVENT_TYPE_WORKFLOW_EXECUTION_TERMINATED,
          EventType.EVENT_TYPE_WORKFLOW_EXECUTION_TIMED_OUT,
          EventType.EVENT_TYPE_WORKFLOW_EXECUTION_CONTINUED_AS_NEW);

  private final DigestOutputStream out;
  private final AuditSigningKey key;
  private final ExportScope scope;
  private final PreviousFile previous;
  private final Instant createdAt;
  private final ByteArrayOutputStream line = new ByteArrayOutputStream(64 * 1024);
  private final HashList hashes = new HashList();
  private byte[] chain = new byte[32];

  public ExportWriter(
      OutputStream out,
      AuditSigningKey key,
      ExportScope scope,
      PreviousFile previous,
      Instant createdAt) {
    this.out = new DigestOutputStream(out, Digests.sha256());
    this.key = key;
    this.scope = scope;
    this.previous = previous;
    this.createdAt = createdAt;
  }

  /** One request: its readable events and its raw history (Temporal's JSON, replayable). */
  public void writeRequest(String requestId, String workflowId, WorkflowExecutionHistory history)
      throws IOException {
    List<AuditEvent> events = AuditTrail.of(requestId, history);
    try (JsonGenerator g = JSON.createGenerator(line)) {
      g.writeStartObject();
      g.writeStringField("requestId", requestId);
      g.writeStringField("workflowId", workflowId);
      g.writeBooleanField("complete", CLOSED.contains(history.getLastEvent().getEventType()));
      g.writeArrayFieldStart("events");
      for (AuditEvent event : events) {
        writeEvent(g, event);
      }
      g.writeEndArray();
      g.writeFieldName("history");
      // Copied token by token: Temporal's JSON printer breaks lines even when not pretty-printing.
      try (JsonParser raw = JSON.createParser(history.toJson(false))) {
        raw.nextToken();
        g.copyCurrentStructure(raw);
      }
      g.writeEndObject();
    }
    endLine();
  }

  /** A request the read model knows but whose history is gone, e.g. deleted by retention. */
  public void writeMissing(String requestId, String workflowId, String why) throws IOException {
    try (JsonGenerator g = JSON.createGenerator(line)) {
      g.writeStartObject();
      g.writeStringField("requestId", requestId);
      g.writeStringField("workflowId", workflowId);
      g.writeStringField("missing", why);
      g.writeEndObject();
    }
    endLine();
  }

  static void writeEvent(JsonGenerator g, AuditEvent e) throws IOException {
    g.writeStartObject();
    g.writeStringField("time", e.time().toString());
    g.writeStringField("action", e.action().label());
    g.writeStringField("actor", e.actor());
    g.writeStringField("channel", e.channel());
    g.writeStringField("tenantId", e.tenantId());
    g.writeStringField("subscriptionId", e.subscriptionId());
    g.writeStringField("requestId", e.requestId());
    g.writeStringField("supportTicketId", e.supportTicketId());
    g.writeStringField("reason", e.reason());
    g.writeNumberField("historyEventId", e.historyEventId());
    g.writeEndObject();
  }

  private void endLine() throws IOException {
    byte[] bytes = line.toByteArray();
    line.reset();
    for (byte b : bytes) {
      if (b == '\n') {
        throw new IllegalStateException("an export line must not contain a newline");
      }
    }
    byte[] hash = Digests.sha256(bytes, bytes.length);
    hashes.add(hash);
    chain = Digests.link(chain, hash);
    out.write(bytes);
    out.write('\n');
  }

  /** Writes the signed manifest line and flushes; the export is complete only after this. */
  public ExportSummary finish() throws IOException {
    out.write(MANIFEST_START.getBytes(StandardCharsets.US_ASCII));
    DigestOutputStream manifest = new DigestOutputStream(out, Digests.sha256());
    try (JsonGenerator g = JSON.createGenerator(manifest)) {
      writeManifest(g);
    }
    byte[] signature = key.sign(manifest.getMessageDigest().digest());
    out.write(
        (SIGNATURE_FIELD + Base64.getEncoder().encodeToString(signature) + "\"}\n")
            .getBytes(StandardCharsets.US_ASCII));
    out.flush();
    return new ExportSummary(
        hashes.size(),
        Digests.HEX.formatHex(chain),
        Digests.HEX.formatHex(out.getMessageDigest().digest()));
  }

  private void writeManifest(JsonGenerator g) throws IOException {
    g.writeStartObject();
    g.writeStringField("format", FORMAT);
    g.writeStringField("createdAt", createdAt.toString());
    g.writeStringField("from", scope.from().toString());
    g.writeStringField("to", scope.to().toString());
    g.writeFieldName("tenantIds");
    if (scope.sortedTenants() == null) {
      g.writeNull();
    } else {
      g.writeStartArray();
      for (String tenant : scope.sortedTenants()) {
        g.writeString(tenant);
      }
      g.writeEndArray();
    }
    g.writeNumberField("count", hashes.size());
    g.writeStringField("chain", Digests.HEX.formatHex(chain));
    g.writeArrayFieldStart("lineHashes");
    for (int i = 0; i < hashes.size(); i++) {
      g.writeString(Digests.HEX.formatHex(hashes.get(i)));
    }
    g.writeEndArray();
    g.writeFieldName("previous");
    if (previous == null) {
      g.writeNull();
    } else {
      g.writeStartObject();
      g.writeStringField("file", previous.file());
      g.writeStringField("sha256", previous.sha256());
      g.writeEndObject();
    }
    g.writeStringField("algorithm", AuditSigningKey.ALGORITHM);
    g.writeStringField("signs", "SHA-256 of the bytes of this manifest object");
    g.writeStringField("keyId", key.keyId());
    g.writeStringField(
        "publicKey", Base64.getEncoder().encodeToString(key.publicKey().getEncoded()));
    g.writeEndObject();
  }
}
