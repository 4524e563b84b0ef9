package dev.lockbox.local;

import static dev.lockbox.local.LockboxRequests.create;
import static dev.lockbox.local.LockboxRequests.decide;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * What an operator sees in the dev server's Temporal Web UI, in a real headless Chromium: the list
 * filtered by {@code LockboxStatus="PENDING"} holds exactly the pending requests, and a request's
 * workflow shows its summary, static details, current details and the summaries of its steps. The
 * screenshots in docs/ come from here (target/screenshots/, copied by hand).
 */
@Timeout(240)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebUiBrowserIT {

  static final Path SCREENSHOTS = Path.of("target", "screenshots");

  private RunningLockbox lockbox;
  private Browser browser;
  private String ui;
  private List<String> pending;
  private String denied;

  @BeforeAll
  void start() {
    lockbox = new RunningLockbox();
    LockboxHttp http = lockbox.http();
    pending =
        List.of(
            create(http, "engineer1", LockboxApiIT.DEMO, "PENDING"),
            create(http, "engineer2", LockboxApiIT.DEMO, "PENDING"));
    denied = create(http, "engineer1", LockboxApiIT.DEMO, "PENDING");
    decide(http, "contoso-owner", denied, "deny");
    create(http, "engineer1", LockboxRequests.STORAGE_FOR_A_SUBSCRIPTION, "INTERNAL_REVIEW");
    ui = TestTemporal.webUi(lockbox.namespace());
    browser = new Browser();
  }

  @AfterAll
  void stop() {
    if (browser != null) {
      browser.close();
    }
    lockbox.close();
  }

  @Test
  void theListFilteredByPendingShowsExactlyThePendingRequests_andNothingLeavesThisMachine() {
    browser.open(
        ui + "?query=" + URLEncoder.encode("LockboxStatus=\"PENDING\"", StandardCharsets.UTF_8));

    browser.awaitText(workflowId(pending.get(0)), workflowId(pending.get(1)));
    assertThat(browser.text("[data-testid='workflow-count']")).isEqualTo("2");
    assertThat(browser.text("main")).doesNotContain(workflowId(denied));
    browser.screenshot(SCREENSHOTS.resolve("web-ui-list.png"));
    assertThat(browser.loadedUrls())
        .as("the Web UI loads nothing from outside this machine")
        .allMatch(url -> url.startsWith("http://127.0.0.1:"));
  }

  @Test
  void aRequestsWorkflowShowsItsSummaryDetailsCurrentDetailsAndTheSummariesOfItsSteps() {
    String id = pending.get(0);
    browser.open(
        ui
            + "?query="
            + URLEncoder.encode("WorkflowId=\"" + workflowId(id) + "\"", StandardCharsets.UTF_8));
    browser.find("a[href*='/workflows/" + workflowId(id) + "/']").click();

    browser.find("[data-testid='user-metadata-tab']").click();
    assertThat(browser.frameText("#user-metadata-summary"))
        .isEqualTo("RemoteDesktop to vm-web-01 for ticket SR-1001 — contoso");
    assertThat(browser.frameText("#user-metadata-details"))
        .contains("Requester: engineer1", "Resource: VirtualMachine vm-web-01 in contoso-prod");
    assertThat(browser.frameText("#user-metadata-current-details"))
        .contains("PENDING", "waiting for contoso approvers");
    browser.screenshot(SCREENSHOTS.resolve("web-ui-workflow.png"));

    browser.find("[data-testid='history-tab']").click();
    browser.awaitText(
        "Evaluate the JIT rules",
        "Find the tenant's Lockbox approvers",
        "Email the approvers",
        "Update the read model",
        "approval window");
    browser.screenshot(SCREENSHOTS.resolve("web-ui-history.png"));
  }

  private static String workflowId(String requestId) {
    return "lockbox-" + requestId;
  }
}
