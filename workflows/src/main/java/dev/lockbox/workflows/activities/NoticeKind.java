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
  REVOKED,
  /** To the requester: an approver asks a question before deciding. */
  QUESTION_ASKED,
  /** To whoever asked and the approvers deciding now: the engineer answered. */
  QUESTION_ANSWERED,
  /** To approvers: the engineer asks for more access time. */
  EXTENSION_REQUESTED,
  /** To the requester: the extension was approved and access now ends later. */
  EXTENSION_APPROVED,
  /** To the requester: the extension was denied; access ends when it did. */
  EXTENSION_DENIED,
  /** To the requester: nobody decided the extension in time; access ends when it did. */
  EXTENSION_EXPIRED,
  /** To the requester: approved, but the access system did not take the new end. */
  EXTENSION_FAILED
}
