package dev.lockbox.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.lockbox.activities.notify.DevOutbox;
import dev.lockbox.activities.notify.OutboxMessage;
import dev.lockbox.text.HumanText;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
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

/**
 * The portal in a real headless Chromium, on a desktop and on a 390 px wide phone, where every page
 * the test looks at must fit the window (no sideways scrolling, {@link Browser#find}): break-glass
 * marked in the lists, on the request page and in its email; the viewer's time zone beside UTC; an
 * engineer's own requests; the dev outbox's emails as sent.
 */
@Timeout(300)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortalBrowserIT {

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
  void givenBreakGlass_theListsThePageAndTheEmailMarkItAndTheApproverEndsIt(int width) {
    at(width);
    String id =
        LockboxRequests.create(
            lockbox.http(), "oncall1", LockboxRequests.BREAK_GLASS, "ACCESS_GRANTED");

    signIn("contoso-owner", "/portal");
    WebElement row = browser.find("#granted tr[data-break-glass='true'] a[href$='/" + id + "']");
    assertThat(rowOf(row).getText()).contains("BREAK-GLASS", "oncall1");
    browser.open(lockbox.baseUrl() + "/portal/requests?status=ACCESS_GRANTED");
    assertThat(rowOf(browser.find("#requests a[href$='/" + id + "']")).getText())
        .contains("BREAK-GLASS");

    browser.open(lockbox.baseUrl() + "/portal/requests/" + id);
    assertThat(browser.text("#break-glass-marker")).isEqualTo("BREAK-GLASS");
    assertThat(browser.text("#break-glass"))
        .contains("Omar On-call (oncall1) declared an emergency", "nobody was asked");
    assertThat(browser.text("#break-glass-declaration"))
        .isEqualTo("Sev-1 outage: VM unresponsive, inspecting now");
    assertThat(browser.pageHasNo("#jit-reasons")).isTrue();
    assertThat(browser.text("#details")).doesNotContain("Why you are asked");
    assertThat(browser.text("#timeline"))
        .contains(
            "Declare by oncall1 via API — Break-glass: emergency access without waiting for"
                + " approval, because: Sev-1 outage: VM unresponsive, inspecting now",
            "Grant");

    OutboxMessage email = breakGlassEmail(id);
    browser.open(lockbox.baseUrl() + "/dev/outbox?to=owner@contoso.example");
    String frame =
        "article[data-kind='BREAK_GLASS_USED'] iframe[src*='" + DevOutbox.idOf(email) + "']";
    browser.find(frame);
    assertThat(browser.frameText(frame))
        .contains(
            "BREAK-GLASS. A support engineer declared an emergency", "Break-glass declaration")
        .doesNotContain("Decide before", "Why your approval is needed");
    assertThat(email.subject()).startsWith("Break-glass: emergency access was used");

    browser.open(lockbox.baseUrl() + "/portal/requests/" + id);
    browser.follow("#revoke-link");
    assertThat(browser.text("#confirm-title")).isEqualTo("End access now?");
    browser.follow("#confirm");
    assertThat(browser.text("#outcome")).isEqualTo("You ended the access");

    browser.open(lockbox.baseUrl() + "/portal/activity?action=Declare");
    assertThat(browser.text("#activity")).contains("Declare", "oncall1", id);
    browser.open(lockbox.baseUrl() + "/portal/requests/no-such-request");
    assertThat(browser.text("#problem-title")).isEqualTo("Not found");
  }

  @ParameterizedTest(name = "{0} px wide")
  @ValueSource(ints = {1280, 390})
  void givenAChosenTimeZone_everyTimeShowsInItBesideUtc(int width) {
    at(width);
    String id = LockboxRequests.create(lockbox.http(), "engineer1", LockboxApiIT.DEMO, "PENDING");
    Instant created =
        Instant.parse(lockbox.get("auditor", "/api/lockbox-requests/" + id).text("createdAt"));

    signIn("contoso-owner", "/portal/requests/" + id);
    assertThat(browser.text("#created")).isEqualTo(HumanText.time(created)).endsWith(" UTC");
    assertThat(browser.text("#time-zone-note")).startsWith("Times are in UTC.");

    browser.follow("#time-zone-link");
    new Select(browser.find("#zone")).selectByValue("Asia/Tokyo");
    browser.follow("#save-zone");
    assertThat(browser.text("#zone-saved")).contains("Asia/Tokyo");
    assertThat(browser.text("#zone-example"))
        .isEqualTo("2026-12-02 19:04 UTC (2026-12-03 04:04 JST)");

    browser.open(lockbox.baseUrl() + "/portal/requests/" + id);
    assertThat(browser.text("#created"))
        .isEqualTo(HumanText.time(created, ZoneId.of("Asia/Tokyo")))
        .contains(" UTC (", " JST)");
    assertThat(browser.text("#viewer-zone")).isEqualTo("Asia/Tokyo");
    assertThat(browser.text("#timeline")).contains(" JST)");
    browser.open(lockbox.baseUrl() + "/portal");
    assertThat(browser.text("#pending")).contains(" JST)");
    browser.open(lockbox.baseUrl() + "/portal/activity");
    assertThat(browser.text("#activity")).contains(" JST)").doesNotContainPattern("T\\d\\d:\\d\\d");
  }

  @ParameterizedTest(name = "{0} px wide")
  @ValueSource(ints = {1280, 390})
  void givenAnEngineer_myRequestsListsTheirOwnNewestFirstAndTheyWithdrawAPendingOne(int width) {
    at(width);
    String older =
        LockboxRequests.create(lockbox.http(), "engineer1", LockboxApiIT.DEMO, "PENDING");
    String newer =
        LockboxRequests.create(lockbox.http(), "engineer1", LockboxRequests.FABRIKAM_VM, "PENDING");
    String someoneElses =
        LockboxRequests.create(lockbox.http(), "engineer2", LockboxApiIT.DEMO, "PENDING");

    signIn("engineer1", "/portal");
    browser.follow("#nav-mine");
    String mine = browser.text("#mine");
    assertThat(mine).contains("SR-4001", "SR-1001");
    assertThat(browser.pageHasNo("#mine tr[data-request-id='" + someoneElses + "']")).isTrue();
    String html = browser.find("#mine").getAttribute("innerHTML");
    assertThat(html.indexOf(newer)).isNotNegative().isLessThan(html.indexOf(older));

    browser.follow("#mine tr[data-request-id='" + older + "'] .withdraw-link");
    assertThat(browser.text("#confirm-title")).isEqualTo("Withdraw this request?");
    browser.follow("#confirm");
    assertThat(browser.text("#outcome")).isEqualTo("You withdrew the request");

    browser.follow("#nav-mine");
    assertThat(browser.text("#mine tr[data-request-id='" + older + "']")).contains("CANCELED");
    assertThat(browser.pageHasNo("#mine tr[data-request-id='" + older + "'] .withdraw-link"))
        .isTrue();
    browser.follow("#mine tr[data-request-id='" + newer + "'] .request-link");
    assertThat(browser.text("#status")).isEqualTo("PENDING");
    assertThat(browser.find("#cancel-link").isDisplayed()).isTrue();
  }

  @ParameterizedTest(name = "{0} px wide")
  @ValueSource(ints = {1280, 390})
  void theDevOutboxShowsEachEmailAsSentAndFiltersByRecipient(int width) {
    at(width);
    String id = LockboxRequests.create(lockbox.http(), "engineer1", LockboxApiIT.DEMO, "PENDING");
    await().atMost(Duration.ofSeconds(10)).until(() -> approvalEmail(id) != null);

    signIn("contoso-owner", "/dev/outbox?to=owner@contoso.example");
    String frame = "iframe[src*='" + DevOutbox.idOf(approvalEmail(id)) + "']";
    assertThat(browser.find(frame).getAttribute("sandbox")).isNotNull();
    assertThat(browser.frameText(frame))
        .contains("Hello Casey Owner", "Review and decide", "Why your approval is needed");
    assertThat(browser.text("a.email-link[href*='/portal/link/']")).startsWith("http");

    browser.open(lockbox.baseUrl() + "/dev/outbox?to=someone@else.example");
    assertThat(browser.text("#no-match")).contains("someone@else.example");
    assertThat(browser.pageHasNo("article.email")).isTrue();
  }

  /** The window at this width; a phone-wide one must really be laid out that narrow. */
  private void at(int width) {
    browser.resize(width, 1500);
    browser.open(lockbox.baseUrl() + "/login");
    browser.find("#username");
    assertThat(browser.viewportWidth()).isEqualTo(width);
  }

  private void signIn(String user, String path) {
    browser.openAs(lockbox.baseUrl() + path, user);
  }

  private static WebElement rowOf(WebElement link) {
    return link.findElement(By.xpath("./ancestor::tr"));
  }

  private OutboxMessage breakGlassEmail(String id) {
    await().atMost(Duration.ofSeconds(10)).until(() -> email(id, "BREAK_GLASS_USED") != null);
    return email(id, "BREAK_GLASS_USED");
  }

  private OutboxMessage approvalEmail(String id) {
    return email(id, "APPROVAL_REQUESTED");
  }

  private OutboxMessage email(String id, String kind) {
    return lockbox.bean(DevOutbox.class).messages().stream()
        .filter(
            m ->
                m.requestId().equals(id)
                    && m.kind().equals(kind)
                    && m.to().equals("owner@contoso.example"))
        .findFirst()
        .orElse(null);
  }
}
