package dev.lockbox.workflows.model;

/**
 * A question or an answer as it is sent to the workflow. {@code actor} is the authenticated
 * principal the API vouches for, never a value taken from a request body.
 *
 * @param questionId the question an answer answers; null when asking
 */
public record Message(String actor, Channel channel, String text, String questionId) {

  public static Message question(String actor, Channel channel, String text) {
    return new Message(actor, channel, text, null);
  }
}
