package dev.lockbox.workflows.activities;

/** Why a notification is sent; each kind is sent at most once per request and recipient. */
public enum NoticeKind {
  /** To approvers: a request waits for their decision. */
  APPROVAL_REQUESTED,
  /** To approvers: the request expires soon ({@code lockbox.reminder-before-expiry}). */
  REMINDER,
  /** To approvers, after the fact: emergency access was taken without asking them. */
  BREAK_GLASS_USED,
  /** To the requester. */
  APPROVED,
  DENIED,
  EXPIRED,
  REVOKED
}
