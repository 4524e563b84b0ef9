package dev.lockbox.workflows;

import static dev.lockbox.workflows.LockboxErrors.INVALID_DECISION;
import static dev.lockbox.workflows.LockboxErrors.NOT_ALLOWED;
import static dev.lockbox.workflows.LockboxErrors.NOT_IN_EXPECTED_STATUS;
import static dev.lockbox.workflows.LockboxErrors.NO_SUCH_ITEM;

import dev.lockbox.workflows.activities.NoticeKind;
import dev.lockbox.workflows.model.LockboxState;
import dev.lockbox.workflows.model.Message;
import dev.lockbox.workflows.model.Question;
import java.util.List;
import java.util.stream.Stream;

/**
 * An approver's questions to the engineer and the engineer's answers, while the request waits for
 * the customer (from {@link Features#EXTENSIONS_AND_QUESTIONS} on). Asking decides nothing: the
 * approval window keeps running. The engineer hears of each question, and whoever asked, with the
 * approvers of the level that waits, hears of each answer.
 */
final class Questions {

  /** Longest question or answer text; the API refuses longer ones before they get here. */
  static final int MAX_TEXT = 2000;

  /**
   * Questions per request: each emails the engineer, so a request is no channel to spam through.
   */
  static final int MAX_QUESTIONS = 20;

  private final RequestContext context;
  private final RequestRecord record;

  Questions(RequestContext context) {
    this.context = context;
    this.record = context.record;
  }

  void validateAsk(Message question, boolean windowElapsed) {
    requireFeature();
    Validators.requireCustomerDecisionPossible(record, windowElapsed);
    if (!record.isApprover(question.actor())) {
      throw NOT_ALLOWED.failure(
          "only an approver of this request may ask its engineer a question", record.status);
    }
    if (record.questions.size() >= MAX_QUESTIONS) {
      throw NOT_IN_EXPECTED_STATUS.failure(
          "this request has its " + MAX_QUESTIONS + " questions already", record.status);
    }
    requireText(question);
  }

  LockboxState ask(Message question) {
    Question asked =
        Question.asked("q" + (record.questions.size() + 1), question, RequestContext.now());
    record.questions.add(asked);
    context.notifier.requesterInBackground(NoticeKind.QUESTION_ASKED, null, asked, null);
    return record.snapshot();
  }

  void validateAnswer(Message answer, boolean windowElapsed) {
    requireFeature();
    Question question = find(answer.questionId());
    if (!record.isRequester(answer.actor())) {
      throw NOT_ALLOWED.failure(
          "only the engineer who made the request may answer its questions", record.status);
    }
    if (question.answered()) {
      throw NOT_IN_EXPECTED_STATUS.failure(
          "question " + question.id() + " is already answered", record.status);
    }
    Validators.requireCustomerDecisionPossible(record, windowElapsed);
    requireText(answer);
  }

  LockboxState answer(Message answer) {
    Question question = find(answer.questionId());
    Question answered = question.answeredWith(answer, RequestContext.now());
    record.questions.set(record.questions.indexOf(question), answered);
    context.notifier.approversInBackground(
        NoticeKind.QUESTION_ANSWERED, answerRecipients(answered), answered, null);
    return record.snapshot();
  }

  /** Whoever asked, and the approvers who decide now (the level that waits). */
  private List<String> answerRecipients(Question answered) {
    List<String> deciding =
        record.round.hasLevels() ? record.round.currentApprovers() : record.approvers;
    return Stream.concat(Stream.of(answered.askedBy()), deciding.stream()).distinct().toList();
  }

  private Question find(String questionId) {
    return record.questions.stream()
        .filter(q -> q.id().equals(questionId))
        .findFirst()
        .orElseThrow(
            () ->
                NO_SUCH_ITEM.failure("this request has no question " + questionId, record.status));
  }

  private void requireFeature() {
    if (context.features() == null || !context.features().extensionsAndQuestions()) {
      throw NOT_IN_EXPECTED_STATUS.failure(
          "this request was made before questions existed", record.status);
    }
  }

  private void requireText(Message message) {
    String text = message.text();
    if (text == null || text.isBlank() || text.length() > MAX_TEXT) {
      throw INVALID_DECISION.failure(
          "text is required, at most " + MAX_TEXT + " characters", record.status);
    }
  }
}
