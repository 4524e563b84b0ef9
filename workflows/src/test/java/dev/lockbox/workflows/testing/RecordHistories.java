package dev.lockbox.workflows.testing;

import dev.lockbox.workflows.LockboxNames;
import dev.lockbox.workflows.LockboxWorkflow;
import dev.lockbox.workflows.model.ApprovalLevel;
import dev.lockbox.workflows.model.Channel;
import dev.lockbox.workflows.model.Decision;
import dev.lockbox.workflows.model.ExtensionDecision;
import dev.lockbox.workflows.model.ExtensionRequest;
import dev.lockbox.workflows.model.JitOutcome;
import dev.lockbox.workflows.model.LockboxState;
import dev.lockbox.workflows.model.Message;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowStub;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Records one history per lifecycle path into {@code src/test/resources/histories}. Run it when a
 * new path appears, never to "fix" a failing replay: a recorded history is what production ran.
 *
 * <p>Each workflow version gets its own folder; never re-record an older one.
 *
 * <pre>mvn -pl workflows test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=dev.lockbox.workflows.testing.RecordHistories \
 *   -Dexec.args=workflows/src/test/resources/histories/&lt;version&gt;</pre>
 */
public final class RecordHistories {

  private static final Decision OWNER = new Decision(FakeActivities.APPROVER, Channel.PORTAL, "ok");
  private static final Decision LEAD =
      new Decision(FakeActivities.SUPPORT_LEAD, Channel.API, "checked the ticket");
  private static final String SECOND_APPROVER = "contoso-security";
  private static final Decision SECOND =
      new Decision(SECOND_APPROVER, Channel.EMAIL_LINK, "second pair of eyes");
  private static final Decision OWNER_FOR_TWO_HOURS =
      new Decision(FakeActivities.APPROVER, Channel.API, "2 hours are enough", Duration.ofHours(2));
  private static final Decision REQUESTER =
      new Decision(LockboxTestRequests.REQUESTER, Channel.API, "no longer needed");

  private static final Message ASK =
      Message.question(FakeActivities.APPROVER, Channel.PORTAL, "Which event log, which hours?");
  private static final Message ANSWER =
      new Message(LockboxTestRequests.REQUESTER, Channel.API, "System log, last 24 hours", "q1");
  private static final ExtensionRequest MORE_TIME =
      new ExtensionRequest(
          LockboxTestRequests.REQUESTER, Channel.API, Duration.ofHours(2), "export still running");

  private RecordHistories() {}

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args[0]);
    Files.createDirectories(dir);
    for (Map.Entry<String, Consumer<LockboxTestEnvironment>> path : paths().entrySet()) {
      try (LockboxTestEnvironment test = new LockboxTestEnvironment()) {
        path.getValue().accept(test);
        String json =
            test.client().fetchHistory(LockboxNames.workflowId(path.getKey())).toJson(true);
        Files.writeString(dir.resolve(path.getKey() + ".json"), json);
      }
    }
  }

  static Map<String, Consumer<LockboxTestEnvironment>> paths() {
    Map<String, Consumer<LockboxTestEnvironment>> paths = new LinkedHashMap<>();
    paths.put("approve", t -> finish(t, decideAfterAnHour(t, "approve", w -> w.approve(OWNER))));
    paths.put("deny", t -> finish(t, decideAfterAnHour(t, "deny", w -> w.deny(OWNER))));
    paths.put("expire", t -> finish(t, start(t, "expire")));
    paths.put("cancel", t -> finish(t, decideAfterAnHour(t, "cancel", w -> w.cancel(REQUESTER))));
    paths.put(
        "early-revoke",
        t -> {
          LockboxWorkflow w = decideAfterAnHour(t, "early-revoke", x -> x.approve(OWNER));
          t.env.sleep(Duration.ofHours(1));
          w.revoke(REQUESTER);
          finish(t, w);
        });
    paths.put(
        "cancel-during-access",
        t -> {
          LockboxWorkflow w = decideAfterAnHour(t, "cancel-during-access", x -> x.approve(OWNER));
          t.env.sleep(Duration.ofHours(1));
          WorkflowStub.fromTyped(w).cancel();
          finish(t, w);
        });
    paths.put(
        "approve-created-with-update",
        t -> {
          t.startAndSettle(LockboxTestRequests.demo("approve-created-with-update"));
          LockboxWorkflow w = t.stub("approve-created-with-update");
          t.env.sleep(Duration.ofHours(1));
          w.approve(OWNER);
          finish(t, w);
        });
    paths.put(
        "reject",
        t -> {
          t.activities.outcome = JitOutcome.REJECT;
          finish(t, start(t, "reject"));
        });
    paths.put(
        "policy-unavailable",
        t -> {
          t.activities.policyUnavailable = true;
          finish(t, start(t, "policy-unavailable"));
        });
    paths.put(
        "grant-without-lockbox",
        t -> {
          t.activities.outcome = JitOutcome.GRANT_WITHOUT_LOCKBOX;
          finish(t, start(t, "grant-without-lockbox"));
        });
    paths.put(
        "email-undeliverable",
        t -> {
          t.activities.emailUndeliverable = true;
          finish(t, decideAfterAnHour(t, "email-undeliverable", w -> w.deny(OWNER)));
        });
    paths.put(
        "internal-approve",
        t -> {
          t.activities.internalRole = "support-lead";
          LockboxWorkflow w =
              decideAfterAnHour(t, "internal-approve", x -> x.internalApprove(LEAD));
          t.env.sleep(Duration.ofHours(1));
          w.approve(OWNER);
          finish(t, w);
        });
    paths.put(
        "internal-deny",
        t -> {
          t.activities.internalRole = "support-lead";
          finish(t, decideAfterAnHour(t, "internal-deny", w -> w.internalDeny(LEAD)));
        });
    paths.put(
        "internal-timeout",
        t -> {
          t.activities.internalRole = "support-lead";
          finish(t, start(t, "internal-timeout"));
        });
    paths.put(
        "break-glass", t -> finish(t, t.start(LockboxTestRequests.breakGlass("break-glass"))));
    // Decisions too close to a deadline for its timer to be cancelled safely: it fires unheeded.
    paths.put(
        "approve-last-second",
        t -> {
          LockboxWorkflow w = start(t, "approve-last-second");
          t.env.sleep(LockboxTestRequests.APPROVAL_WINDOW.minusSeconds(1));
          w.approve(OWNER);
          finish(t, w);
        });
    paths.put(
        "revoke-last-second",
        t -> {
          LockboxWorkflow w = decideAfterAnHour(t, "revoke-last-second", x -> x.approve(OWNER));
          t.env.sleep(LockboxTestRequests.ACCESS_WINDOW.minusSeconds(1));
          w.revoke(REQUESTER);
          finish(t, w);
        });
    // Approval levels and narrowing (approval-levels-and-narrowing and later).
    paths.put(
        "approve-narrowed",
        t ->
            finish(
                t, decideAfterAnHour(t, "approve-narrowed", w -> w.approve(OWNER_FOR_TWO_HOURS))));
    paths.put(
        "quorum-approve",
        t -> {
          t.activities.approvalLevels = List.of(twoOf(FakeActivities.APPROVER, SECOND_APPROVER));
          LockboxWorkflow w = decideAfterAnHour(t, "quorum-approve", x -> x.approve(OWNER));
          t.env.sleep(Duration.ofHours(1));
          w.approve(SECOND);
          finish(t, w);
        });
    paths.put(
        "quorum-deny",
        t -> {
          t.activities.approvalLevels = List.of(twoOf(FakeActivities.APPROVER, SECOND_APPROVER));
          LockboxWorkflow w = decideAfterAnHour(t, "quorum-deny", x -> x.approve(OWNER));
          w.deny(SECOND);
          finish(t, w);
        });
    paths.put(
        "levels-approve",
        t -> {
          t.activities.approvalLevels =
              List.of(
                  new ApprovalLevel(1, List.of(FakeActivities.APPROVER)),
                  new ApprovalLevel(1, List.of(SECOND_APPROVER)));
          LockboxWorkflow w =
              decideAfterAnHour(t, "levels-approve", x -> x.approve(OWNER_FOR_TWO_HOURS));
          t.env.sleep(Duration.ofHours(1));
          w.approve(SECOND);
          finish(t, w);
        });
    // Questions and extensions (extensions-and-questions and later).
    paths.put(
        "question-answered",
        t -> {
          LockboxWorkflow w = decideAfterAnHour(t, "question-answered", x -> x.askQuestion(ASK));
          t.env.sleep(Duration.ofHours(1));
          w.answerQuestion(ANSWER);
          w.approve(OWNER);
          finish(t, w);
        });
    paths.put(
        "extension-approved",
        t -> finish(t, extended(t, "extension-approved", (w, e) -> w.approveExtension(e))));
    paths.put(
        "extension-denied",
        t -> finish(t, extended(t, "extension-denied", (w, e) -> w.denyExtension(e))));
    paths.put(
        "extension-expired",
        t ->
            finish(
                t,
                extended(
                    t,
                    "extension-expired",
                    (w, e) ->
                        t.env.sleep(
                            LockboxTestRequests.EXTENSION_APPROVAL_WINDOW.plusMinutes(1)))));
    paths.put(
        "extension-quorum",
        t -> {
          t.activities.approvalLevels = List.of(twoOf(FakeActivities.APPROVER, SECOND_APPROVER));
          LockboxWorkflow w = decideAfterAnHour(t, "extension-quorum", x -> x.approve(OWNER));
          w.approve(SECOND);
          t.env.sleep(Duration.ofHours(1));
          w.requestExtension(MORE_TIME);
          w.approveExtension(new ExtensionDecision("e1", OWNER));
          w.approveExtension(new ExtensionDecision("e1", SECOND));
          finish(t, w);
        });
    return paths;
  }

  /** Approved, an hour into the access the engineer asks for two more hours; then {@code next}. */
  private static LockboxWorkflow extended(
      LockboxTestEnvironment t,
      String id,
      java.util.function.BiConsumer<LockboxWorkflow, ExtensionDecision> next) {
    LockboxWorkflow w = decideAfterAnHour(t, id, x -> x.approve(OWNER));
    t.env.sleep(Duration.ofHours(1));
    w.requestExtension(MORE_TIME);
    next.accept(w, new ExtensionDecision("e1", OWNER));
    return w;
  }

  private static ApprovalLevel twoOf(String first, String second) {
    return new ApprovalLevel(2, List.of(first, second));
  }

  private static LockboxWorkflow start(LockboxTestEnvironment t, String id) {
    return t.start(LockboxTestRequests.demo(id));
  }

  private static LockboxWorkflow decideAfterAnHour(
      LockboxTestEnvironment t, String id, Consumer<LockboxWorkflow> decision) {
    LockboxWorkflow workflow = start(t, id);
    t.env.sleep(Duration.ofHours(1));
    decision.accept(workflow);
    return workflow;
  }

  private static void finish(LockboxTestEnvironment t, LockboxWorkflow workflow) {
    try {
      WorkflowStub.fromTyped(workflow).getResult(LockboxState.class);
    } catch (WorkflowFailedException canceled) {
      // The cancel-during-access path ends canceled on purpose.
    }
  }
}
