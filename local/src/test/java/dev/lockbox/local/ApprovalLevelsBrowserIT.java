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
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;

/**
 * A northwind request in a real headless Chromium, on a desktop and on a 390 px wide phone: both
 * northwind approvers approve in the portal before access is granted (the first sees it on their
 * pending list as approved by them, waiting for others), and the second approves 2 hours instead of
 * the 8 asked.
 */
@Timeout(240)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApprovalLevelsBrowserIT {

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
  void givenNorthwind_bothApproversApproveInThePortal_andTheSecondNarrowsToTwoHours(int width) {
    browser.resize(width, 1500);
    String id =
        LockboxRequests.create(lockbox.http(), "engineer1", ApprovalLevelsIT.NORTHWIND, "PENDING");

    browser.openAs(requestPage(id), "northwind-owner");
    assertThat(browser.text("#status")).isEqualTo("PENDING");
    assertThat(browser.text("#approval-progress")).startsWith("0 of 2 approvals so far");
    browser.approve("ok from the owner");

    assertThat(browser.text("#outcome")).isEqualTo("You approved the request");
    assertThat(browser.text("#status")).isEqualTo("PENDING");
    assertThat(browser.text("#approval-counted")).contains("1 of 2 approvals");
    assertThat(statusOf(id)).isEqualTo("PENDING");
    browser.follow("#request-link");
    assertThat(browser.text("#you-approved")).contains("You approved this request");
    assertThat(browser.pageHasNo("#approve")).isTrue();
    browser.open(lockbox.baseUrl() + "/portal");
    assertThat(pendingRow(id).getAttribute("data-approved-by-you")).isEqualTo("true");
    assertThat(pendingRow(id).getText()).contains("approved by you, waiting for others");

    browser.forgetSession();
    browser.openAs(lockbox.baseUrl() + "/portal", "northwind-security");
    assertThat(pendingRow(id).getAttribute("data-approved-by-you")).isEqualTo("false");
    assertThat(pendingRow(id).getText()).doesNotContain("approved by you");
    browser.open(requestPage(id));
    assertThat(browser.text("#approval-progress")).contains("1 of 2", "northwind-owner");
    new Select(browser.find("#approved-duration")).selectByValue("PT2H");
    browser.approve(null);

    assertThat(browser.text("#outcome")).isEqualTo("You approved the request");
    assertThat(browser.text("#status")).isEqualTo("ACCESS_GRANTED");
    browser.follow("#request-link");
    assertThat(browser.text("#approved-for")).isEqualTo("2 hours (8 hours asked)");
    assertThat(browser.text("#timeline"))
        .contains("approval 1 of 2", "northwind-owner", "approval 2 of 2, for 2 hours", "Grant");
    JsonNode granted = lockbox.get("auditor", "/api/lockbox-requests/" + id).json();
    assertThat(granted.path("status").asText()).isEqualTo("ACCESS_GRANTED");
    assertThat(
            Duration.between(
                Instant.parse(granted.path("accessGrantedAt").asText()),
                Instant.parse(granted.path("accessExpiresAt").asText())))
        .isEqualTo(Duration.ofHours(2));
  }

  private String requestPage(String id) {
    return lockbox.baseUrl() + "/portal/requests/" + id;
  }

  /** The home page's row of this pending request. */
  private WebElement pendingRow(String id) {
    return browser.find("#pending a[href$='/" + id + "']").findElement(By.xpath("./ancestor::tr"));
  }

  private String statusOf(String id) {
    return lockbox.get("auditor", "/api/lockbox-requests/" + id).text("status");
  }
}
