package dev.lockbox.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.temporal.api.common.v1.Payload;
import io.temporal.api.common.v1.Payloads;
import java.io.IOException;

/**
 * Reads Temporal payloads as JSON trees, never as the workflow's records, so that a field added by
 * a later version (or a payload this code cannot read, e.g. encrypted by a codec) never breaks an
 * audit trail: what cannot be read is missing, not an error.
 */
final class PayloadJson {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String JSON_ENCODING = "json/plain";

  private PayloadJson() {}

  static JsonNode first(Payloads payloads) {
    return payloads.getPayloadsCount() == 0
        ? MissingNode.getInstance()
        : of(payloads.getPayloads(0));
  }

  static JsonNode of(Payload payload) {
    var encoding = payload.getMetadataMap().get("encoding");
    if (encoding == null || !JSON_ENCODING.equals(encoding.toStringUtf8())) {
      return MissingNode.getInstance();
    }
    try {
      return JSON.readTree(payload.getData().toStringUtf8());
    } catch (IOException unreadable) {
      return MissingNode.getInstance();
    }
  }

  /** A text field, or null when it is missing or not text. */
  static String text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isValueNode() && !value.isNull() ? value.asText() : null;
  }
}
