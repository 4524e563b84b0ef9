package dev.lockbox.audit;

import static dev.lockbox.audit.PayloadJson.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.lockbox.workflows.LockboxWorkflow;

/**
 * Reads questions and extensions out of a history for the audit trail: each accepted Update's
 * message (who said what) and the ids the workflow gave them, which follow the order accepted
 * ({@code q1}, {@code q2}, …; {@code e1}, …).
 */
final class ConversationTrail {

  private int questions;
  private int extensions;
  private JsonNode last = MissingNode.getInstance();

  /** Called for every accepted Update, before its rule attributes it. */
  void accepted(String updateName, JsonNode message) {
    last = message;
    if (updateName.equals(LockboxWorkflow.ASK_QUESTION)) {
      questions++;
    } else if (updateName.equals(LockboxWorkflow.REQUEST_EXTENSION)) {
      extensions++;
    }
  }

  Attribution asked() {
    return said("q" + questions + ": " + text(last, "text"));
  }

  Attribution answered() {
    return said(text(last, "questionId") + ": " + text(last, "text"));
  }

  Attribution extensionRequested() {
    return said(
        "e"
            + extensions
            + ": "
            + ApprovalTrail.duration(last.path("duration"))
            + " more: "
            + text(last, "reason"));
  }

  /** An approval or a deny of an extension: the extension, and the approver's comment. */
  Attribution extensionDecided() {
    JsonNode decision = last.path("decision");
    String comment = text(decision, "comment");
    String reason =
        text(last, "extensionId") + (comment == null || comment.isBlank() ? "" : ": " + comment);
    return new Attribution(text(decision, "actor"), text(decision, "channel"), reason);
  }

  static Attribution extended(JsonNode extension) {
    return Attribution.system(
        "access extended until "
            + text(extension, "expiresAt")
            + " ("
            + text(extension, "extensionId")
            + ")");
  }

  private Attribution said(String what) {
    return new Attribution(text(last, "actor"), text(last, "channel"), what);
  }
}
