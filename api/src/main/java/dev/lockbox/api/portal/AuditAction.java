package dev.lockbox.api.portal;

/** The actions of the activity log (DESIGN.md §6), plus the notifications a request sent. */
enum AuditAction {
  CREATE("Create"),
  REVIEW("Internal review"),
  APPROVE("Approve"),
  DENY("Deny"),
  EXPIRE("Expire"),
  CANCEL("Cancel"),
  GRANT("Grant"),
  REVOKE("Revoke"),
  NOTIFY("Notify");

  private final String label;

  AuditAction(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** Case-insensitive by name or label; null when blank or unknown (the page then says so). */
  static AuditAction parse(String value) {
    for (AuditAction action : values()) {
      if (action.name().equalsIgnoreCase(value) || action.label.equalsIgnoreCase(value)) {
        return action;
      }
    }
    return null;
  }
}
