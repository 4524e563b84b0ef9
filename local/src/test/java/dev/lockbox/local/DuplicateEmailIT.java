package dev.lockbox.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.lockbox.activities.notify.EmailNotificationActivities;
import dev.lockbox.activities.notify.EmailRenderer;
import dev.lockbox.activities.notify.Mailer;
import dev.lockbox.activities.notify.NotificationSettings;
import dev.lockbox.directory.Directory;
import dev.lockbox.links.ApprovalLinkSigner;
import dev.lockbox.workflows.LockboxNames;
import dev.lockbox.workflows.LockboxWorkflow;
import dev.lockbox.workflows.activities.ApprovalNotice;
import dev.lockbox.workflows.activities.NoticeKind;
import dev.lockbox.workflows.model.LockboxState;
import io.temporal.api.enums.v1.EventType;
import io.temporal.client.WorkflowClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

/**
 * The approvers' email sent twice, as when the email activity delivered it and its worker died
 * before recording that: the retry on another worker, which has no memory of the first send, sends
 * it again through the real SendGrid client (to a local stand-in). Whichever copy the approver
 * uses, and however often, the request takes one decision.
 */
@Timeout(180)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DuplicateEmailIT {

  private static final Pattern LINK = Pattern.compile("/portal/link/[A-Za-z0-9_.=-]+");

  private final MockWebServer sendGrid = new MockWebServer();
  private final List<JsonNode> sent = new CopyOnWriteArrayList<>();
  private RunningLockbox lockbox;

  @BeforeAll
  void start() throws Exception {
    sendGrid.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            sent.add(RunningLockbox.JSON.readTree(request.getBody().readUtf8()));
            return new MockResponse().setResponseCode(202);
          }
        });
    sendGrid.start();
    lockbox = RunningLockbox.emailingThrough(sendGrid);
  }

  @AfterAll
  void stop() throws Exception {
    lockbox.close();
    sendGrid.shutdown();
  }

  @Test
  void approvingFromBothCopies_takesOneDecision_andTheSecondSaysYouAlreadyApproved() {
    String id = pending();
    List<String> links = twoCopiesOfTheApprovalEmail(id);
    assertThat(links.get(1))
        .as("a copy's link is signed from the same facts")
        .isEqualTo(links.get(0));
    PortalSession owner = PortalSession.signIn(lockbox.baseUrl(), "contoso-owner");

    HttpResponse<String> first = owner.submit(links.get(0), links.get(0) + "/approve");
    HttpResponse<String> second = owner.submit(links.get(1), links.get(1) + "/approve");

    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(first.body()).contains("You approved the request");
    assertThat(second.statusCode()).isEqualTo(200);
    assertThat(second.body())
        .contains("You already approved this request", "approved by contoso-owner at ")
        .doesNotContain("not recorded");
    assertThat(decisionsTaken(id)).isEqualTo(1);
  }

  @Test
  void approvingFromOneCopyAndDenyingFromTheOther_takesOneDecision_andTheDenySaysItCameTooLate() {
    String id = pending();
    List<String> links = twoCopiesOfTheApprovalEmail(id);
    PortalSession owner = PortalSession.signIn(lockbox.baseUrl(), "contoso-owner");

    owner.submit(links.get(0), links.get(0) + "/approve");
    HttpResponse<String> deny = owner.submit(links.get(1), links.get(1) + "/deny");

    assertThat(deny.statusCode()).isEqualTo(200);
    assertThat(deny.body())
        .contains(
            "This request was already decided",
            "Your decision was not recorded",
            "approved by contoso-owner at ");
    assertThat(decisionsTaken(id)).isEqualTo(1);
    LockboxRequests.awaitStatus(lockbox.http(), id, "ACCESS_GRANTED");
  }

  private String pending() {
    return LockboxRequests.create(lockbox.http(), "engineer1", LockboxApiIT.DEMO, "PENDING");
  }

  /**
   * The first copy as the workflow sent it; the second as a retry of the same activity on a fresh
   * worker sends it (its memory of sent mail is empty), through the same SendGrid client.
   */
  private List<String> twoCopiesOfTheApprovalEmail(String id) {
    await("the approval email")
        .atMost(Duration.ofSeconds(30))
        .until(() -> emailsTo(id).size() == 1);
    LockboxState state = workflow(id).getState();
    freshWorkersNotifier()
        .notifyApprovers(
            new ApprovalNotice(
                state.request(),
                state.jit(),
                state.approvers(),
                state.expiresAt(),
                NoticeKind.APPROVAL_REQUESTED,
                state.approval()));
    List<String> links = emailsTo(id).stream().map(DuplicateEmailIT::linkIn).toList();
    assertThat(links).hasSize(2);
    return links;
  }

  private EmailNotificationActivities freshWorkersNotifier() {
    return new EmailNotificationActivities(
        lockbox.bean(Mailer.class),
        new EmailRenderer(),
        lockbox.bean(Directory.class),
        lockbox.bean(ApprovalLinkSigner.class),
        lockbox.bean(NotificationSettings.class),
        () -> {});
  }

  private List<JsonNode> emailsTo(String id) {
    return sent.stream()
        .filter(mail -> id.equals(mail.at("/custom_args/lockbox_request_id").asString()))
        .filter(
            mail -> "APPROVAL_REQUESTED".equals(mail.at("/custom_args/lockbox_notice").asString()))
        .filter(
            mail ->
                "owner@contoso.example"
                    .equals(mail.at("/personalizations/0/to/0/email").asString()))
        .toList();
  }

  private static String linkIn(JsonNode mail) {
    Matcher link = LINK.matcher(mail.at("/content/0/value").asString());
    assertThat(link.find()).as("a signed link in the email").isTrue();
    return link.group();
  }

  /**
   * Decisions the workflow accepted: one Update accepted per decision taken (the create's own
   * awaitSettled Update is not a decision).
   */
  private long decisionsTaken(String id) {
    return lockbox
        .bean(WorkflowClient.class)
        .fetchHistory(LockboxNames.workflowId(id))
        .getEvents()
        .stream()
        .filter(e -> e.getEventType() == EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED)
        .map(
            e ->
                e.getWorkflowExecutionUpdateAcceptedEventAttributes()
                    .getAcceptedRequest()
                    .getInput()
                    .getName())
        .filter(name -> !name.equals(LockboxWorkflow.AWAIT_SETTLED))
        .count();
  }

  private LockboxWorkflow workflow(String id) {
    return lockbox
        .bean(WorkflowClient.class)
        .newWorkflowStub(LockboxWorkflow.class, LockboxNames.workflowId(id));
  }
}
