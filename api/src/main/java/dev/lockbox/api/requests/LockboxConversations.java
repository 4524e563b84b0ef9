package dev.lockbox.api.requests;

import dev.lockbox.api.LockboxSettings;
import dev.lockbox.api.problems.InvalidRequestException;
import dev.lockbox.directory.DirectoryUser;
import dev.lockbox.text.HumanText;
import dev.lockbox.workflows.LockboxWorkflow;
import dev.lockbox.workflows.model.Channel;
import dev.lockbox.workflows.model.Decision;
import dev.lockbox.workflows.model.ExtensionDecision;
import dev.lockbox.workflows.model.ExtensionRequest;
import dev.lockbox.workflows.model.LockboxState;
import dev.lockbox.workflows.model.Message;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * What is said around a decision, for the REST API and the portal alike: an approver's question and
 * the engineer's answer, the engineer's request for more time and the approvers' decision on it.
 * The caller must be able to see the request (else 404); who may say what is the workflow's rule,
 * which it checks in its Update validators (403, 409, 400).
 */
@Service
public class LockboxConversations {

  private final LockboxRequests requests;
  private final LockboxWorkflows workflows;
  private final LockboxSettings settings;

  LockboxConversations(
      LockboxRequests requests, LockboxWorkflows workflows, LockboxSettings settings) {
    this.requests = requests;
    this.workflows = workflows;
    this.settings = settings;
  }

  public LockboxState ask(String requestId, DirectoryUser user, Channel channel, String text) {
    requests.visible(requestId, user);
    return workflows.message(
        requestId, LockboxWorkflow.ASK_QUESTION, Message.question(user.id(), channel, text));
  }

  public LockboxState answer(
      String requestId, String questionId, DirectoryUser user, Channel channel, String text) {
    requests.visible(requestId, user);
    return workflows.message(
        requestId,
        LockboxWorkflow.ANSWER_QUESTION,
        new Message(user.id(), channel, text, questionId));
  }

  public LockboxState requestExtension(
      String requestId, DirectoryUser user, Channel channel, String duration, String reason) {
    requests.visible(requestId, user);
    ExtensionRequest extension = new ExtensionRequest(user.id(), channel, parse(duration), reason);
    return workflows.message(requestId, LockboxWorkflow.REQUEST_EXTENSION, extension);
  }

  public LockboxState decideExtension(
      String requestId,
      String extensionId,
      boolean approve,
      DirectoryUser user,
      Channel channel,
      String comment) {
    requests.visible(requestId, user);
    ExtensionDecision decision =
        new ExtensionDecision(extensionId, new Decision(user.id(), channel, comment));
    return workflows.message(
        requestId,
        approve ? LockboxWorkflow.APPROVE_EXTENSION : LockboxWorkflow.DENY_EXTENSION,
        decision);
  }

  private Duration parse(String text) {
    Duration duration;
    try {
      duration = Duration.parse(text == null ? "" : text.strip());
    } catch (DateTimeParseException e) {
      throw invalid("duration must be an ISO-8601 duration such as PT2H.");
    }
    Duration minimum = settings.minimumAccessDuration();
    if (duration.compareTo(minimum) < 0) {
      throw invalid(
          "duration must be at least " + minimum + " (" + HumanText.duration(minimum) + ").");
    }
    return duration;
  }

  private static InvalidRequestException invalid(String detail) {
    return new InvalidRequestException(detail, Map.of("duration", detail));
  }
}
