package dev.lockbox.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;

/**
 * Questions and extensions in a real headless Chromium, on a desktop and on a 390 px wide phone:
 * the approver asks before deciding, the engineer answers in the portal, the approver approves; the
 * engineer asks for two more hours, the approver approves them and the access end moves; then the
 * approver ends the access from the portal.
 */
@Timeout(240)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConversationBrowserIT {

  private RunningLockbox lockbox;
  private Browser browser;

  @BeforeAll
  void start() {
    lockbox = new RunningLockbox("--server.port=" + RunningLockbox.freePort());
    browser = new Browser();
  }

  @AfterAll
  void stop() {
    if (browser != null) {
      browser.close();
    }
    lockbox.close();
  }

  @BeforeEach
  void signedOut() {
    browser.forgetSession();
  }

  @ParameterizedTest(name = "{0} px wide")
  @ValueSource(ints = {1280, 390})
  void anApproverAsksTheEngineerAnswersThenMoreTimeIsApprovedAndAccessIsEndedInThePortal(
      int width) {
    browser.resize(width, 1500);
    String id = LockboxRequests.create(lockbox.http(), "engineer1", LockboxApiIT.DEMO, "PENDING");

    signInAndOpen("contoso-owner", id);
    browser.find("#question-text").sendKeys("Which event log do you need?");
    browser.follow("#ask");
    assertThat(browser.text("#question-q1"))
        .contains("contoso-owner", "Which event log do you need?");
    assertThat(browser.text("#status")).isEqualTo("PENDING");

    switchTo("engineer1", id);
    browser.find("#answer-q1").sendKeys("The System log of the last 24 hours");
    browser.follow("#send-answer-q1");
    assertThat(browser.text("#question-q1")).contains("The System log of the last 24 hours");
    assertThat(browser.pageHasNo("#send-answer-q1")).isTrue();

    switchTo("contoso-owner", id);
    assertThat(browser.text("#timeline")).contains("Question", "Answer", "System log");
    browser.follow("#approve");
    assertThat(browser.text("#status")).isEqualTo("ACCESS_GRANTED");
    Instant end = Instant.parse(state(id).path("accessExpiresAt").asText());

    switchTo("engineer1", id);
    assertThat(browser.text("#extension-allowance"))
        .isEqualTo("Up to 1 day more (the policy allows 1 day of extensions in all).");
    new Select(browser.find("#extension-duration")).selectByValue("PT2H");
    browser.find("#extension-reason").sendKeys("the log export is still running");
    browser.follow("#request-extension");
    assertThat(browser.text("#extension-e1")).contains("2 hours more", "PENDING");
    assertThat(browser.pageHasNo("#request-extension")).isTrue();

    switchTo("contoso-owner", id);
    browser.follow("#approve-e1");
    assertThat(browser.text("#extension-e1")).contains("APPROVED", "access now until");
    assertThat(Instant.parse(state(id).path("accessExpiresAt").asText()))
        .isEqualTo(end.plus(Duration.ofHours(2)));

    switchTo("engineer1", id);
    assertThat(browser.text("#extension-allowance")).startsWith("Up to 22 hours more");
    new Select(browser.find("#extension-duration")).selectByValue("PT1H");
    browser.find("#extension-reason").sendKeys("and one more hour for the report");
    browser.follow("#request-extension");
    switchTo("contoso-owner", id);
    browser.follow("#deny-e2");
    assertThat(browser.text("#confirm-title")).isEqualTo("Deny more time?");
    browser.find("#confirm-comment").sendKeys("two more hours are enough");
    browser.follow("#confirm");
    assertThat(browser.text("#extension-e2")).contains("DENIED", "two more hours are enough");
    assertThat(Instant.parse(state(id).path("accessExpiresAt").asText()))
        .isEqualTo(end.plus(Duration.ofHours(2)));

    browser.follow("#revoke-link");
    browser.follow("#confirm");
    assertThat(browser.text("#outcome")).containsIgnoringCase("ended");
    assertThat(state(id).path("status").asText()).isEqualTo("COMPLETED");
  }

  private void switchTo(String user, String id) {
    browser.forgetSession();
    signInAndOpen(user, id);
  }

  private void signInAndOpen(String user, String id) {
    browser.open(lockbox.baseUrl() + "/portal/requests/" + id);
    browser.signIn(user);
    browser.find("#status");
  }

  private JsonNode state(String id) {
    return lockbox.get("auditor", "/api/lockbox-requests/" + id).json();
  }
}
