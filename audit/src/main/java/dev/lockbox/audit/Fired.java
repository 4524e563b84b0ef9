package dev.lockbox.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.temporal.api.history.v1.HistoryEvent;

/**
 * A trigger found in one history event, with what the rule may need: the activity's input and
 * result, or the failure message.
 */
record Fired(Trigger trigger, HistoryEvent event, JsonNode input, JsonNode result, String failure) {

  static Fired of(Trigger trigger, HistoryEvent event) {
    return new Fired(trigger, event, MissingNode.getInstance(), MissingNode.getInstance(), null);
  }
}
