package dev.lockbox.links;

/** The result of checking a link token: valid with its link, or why it is not. */
public sealed interface LinkCheck {

  /** A token with a good signature that has not expired. */
  record Valid(ApprovalLink link) implements LinkCheck {}

  /** A token with a good signature whose request window has closed. */
  record Expired(ApprovalLink link) implements LinkCheck {}

  /** Not a token we signed: truncated, altered or signed with another key. */
  record Invalid() implements LinkCheck {}
}
