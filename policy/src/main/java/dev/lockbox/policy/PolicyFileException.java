package dev.lockbox.policy;

/** A rules file Lockbox cannot use; the message names the rule and the problem. */
public class PolicyFileException extends RuntimeException {

  public PolicyFileException(String message) {
    super(message);
  }
}
