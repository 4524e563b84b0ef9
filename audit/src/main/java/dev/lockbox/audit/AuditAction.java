package dev.lockbox.audit;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What an audit event records. The label is the name auditors filter by ({@code action=Approve
 * lockbox request}) and the one every export, CSV and page shows.
 */
public enum AuditAction {
  CREATE("Create lockbox request"),
  EVALUATE_JIT("Evaluate JIT rules"),
  REJECT("Reject lockbox request"),
  REQUEST_INTERNAL_REVIEW("Request internal review"),
  APPROVE_INTERNAL_REVIEW("Approve internal review"),
  DECLARE_BREAK_GLASS("Declare break-glass access"),
  /** One approver's approval of a request that needs several (approval levels, quorum). */
  RECORD_APPROVAL("Record approval"),
  APPROVE("Approve lockbox request"),
  DENY("Deny lockbox request"),
  EXPIRE("Expire lockbox request"),
  CANCEL("Cancel lockbox request"),
  GRANT("Grant access"),
  REVOKE("Revoke access"),
  ASK_QUESTION("Ask question"),
  ANSWER_QUESTION("Answer question"),
  REQUEST_EXTENSION("Request extension"),
  /** One approver's approval of an extension (the last one needed moves the end: EXTEND). */
  APPROVE_EXTENSION("Approve extension"),
  DENY_EXTENSION("Deny extension"),
  EXTEND("Extend access");

  private final String label;

  AuditAction(String label) {
    this.label = label;
  }

  @JsonValue
  public String label() {
    return label;
  }

  /** The action with this label, ignoring case, e.g. {@code "approve lockbox request"}. */
  public static Optional<AuditAction> byLabel(String label) {
    return Arrays.stream(values()).filter(a -> a.label.equalsIgnoreCase(label.trim())).findFirst();
  }

  public static List<String> labels() {
    return Arrays.stream(values()).map(AuditAction::label).toList();
  }
}
