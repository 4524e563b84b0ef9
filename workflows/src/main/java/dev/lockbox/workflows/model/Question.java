package dev.lockbox.workflows.model;

import java.time.Instant;

/**
 * An approver's question to the engineer instead of a decision, and the engineer's answer. The
 * approval window keeps running while it waits.
 *
 * @param id {@code q1}, {@code q2}, … in the order asked: unique within the request
 * @param answer null until the engineer answers
 * @param answerChannel how the engineer answered; null until then
 */
public record Question(
    String id,
    String askedBy,
    Channel channel,
    String text,
    Instant askedAt,
    String answer,
    Instant answeredAt,
    Channel answerChannel) {

  public static Question asked(String id, Message question, Instant at) {
    return new Question(
        id, question.actor(), question.channel(), question.text(), at, null, null, null);
  }

  public Question answeredWith(Message answer, Instant at) {
    return new Question(id, askedBy, channel, text, askedAt, answer.text(), at, answer.channel());
  }

  public boolean answered() {
    return answer != null;
  }
}
