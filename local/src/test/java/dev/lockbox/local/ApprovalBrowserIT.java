package dev.lockbox.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.lockbox.activities.notify.DevOutbox;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * What a new approver does, in a real headless Chromium: open the email from the dev outbox, sign
 * in, read the request, approve or deny. A mail scanner opening the same link changes nothing.
 */
@Timeout(180)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApprovalBrowserIT {

  /** The README shows this picture of the detail page (copied to docs/ by hand). */
  static final Path SCREENSHOT = Path.of("target", "screenshots", "portal-request-detail.png");

  private RunningLockbox lockbox;
  private Browser browser;

  @BeforeAll
  void start() {
    // A fixed port, so the links in the emails point at this very application.
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

  @Test
  void
      givenTheDevOutbox_whenTheApproverOpensTheLinkSignsInAndApproves_theRequestShowsAccessGranted() {
    String id = createDemo();

    browser.open(lockbox.baseUrl() + "/dev/outbox");
    assertThat(browser.url()).endsWith("/login");
    browser.signIn("contoso-owner");
    browser.follow(linkSelector(id));

    assertThat(browser.text("#status")).isEqualTo("PENDING");
    assertThat(browser.text("#engineer")).isEqualTo("Erin Engineer (engineer1)");
    assertThat(browser.text("#ticket")).isEqualTo("SR-1001");
    assertThat(browser.text("#resource")).isEqualTo("VirtualMachine vm-web-01");
    assertThat(browser.text("#justification"))
        .isEqualTo("Customer reports RDP failures; need to inspect event logs");
    browser.screenshot(SCREENSHOT);

    browser.approve("Approved for SR-1001");

    assertThat(browser.text("#outcome")).isEqualTo("You approved the request");
    assertThat(browser.text("#status")).isEqualTo("ACCESS_GRANTED");
    browser.follow("#request-link");
    assertThat(browser.text("#status")).isEqualTo("ACCESS_GRANTED");
    assertThat(browser.text("#timeline"))
        .contains("Approve", "contoso-owner", "via EMAIL_LINK", "Grant");
    assertThat(statusOf(id)).isEqualTo("ACCESS_GRANTED");
  }

  @Test
  void givenTheLinkOpenedBeforeSigningIn_whenTheApproverSignsInAndDenies_theRequestShowsDenied() {
    String id = createDemo();

    browser.open(approvalLink(id));
    assertThat(browser.url()).endsWith("/login");
    browser.signIn("contoso-owner");

    assertThat(browser.text("#status")).isEqualTo("PENDING");
    assertThat(browser.text("#ticket-summary")).contains("RDP failures");
    browser.deny("Not during the freeze");

    assertThat(browser.text("#outcome")).isEqualTo("You denied the request");
    assertThat(browser.text("#status")).isEqualTo("DENIED");
    assertThat(statusOf(id)).isEqualTo("DENIED");
  }

  @Test
  void
      givenAMailScanner_whenItSendsHeadThenGetWithoutSession_nothingIsDecidedAndTheLinkStillWorks() {
    String id = createDemo();
    String link = approvalLink(id);

    for (String method : new String[] {"HEAD", "GET"}) {
      LockboxHttp.Response scan =
          lockbox.send(
              null,
              HttpRequest.newBuilder(URI.create(link))
                  .method(method, HttpRequest.BodyPublishers.noBody()));
      assertThat(scan.status()).as(method).isEqualTo(302);
      assertThat(scan.header("Location")).as(method).endsWith("/login");
    }
    assertThat(statusOf(id)).isEqualTo("PENDING");
    assertThat(
            lockbox.get("auditor", "/api/lockbox-requests/" + id).json().path("decision").isNull())
        .isTrue();

    browser.open(link);
    browser.signIn("contoso-owner");
    assertThat(browser.text("#status")).isEqualTo("PENDING");
    assertThat(browser.find("#approve").isEnabled()).isTrue();
  }

  /** Creates the demo request and waits until its approval email is in the dev outbox. */
  private String createDemo() {
    LockboxHttp.Response created =
        lockbox.postJson("engineer1", "/api/lockbox-requests", LockboxApiIT.DEMO);
    assertThat(created.text("status")).isEqualTo("PENDING");
    String id = created.text("id");
    await().atMost(Duration.ofSeconds(10)).until(() -> findLink(id).isPresent());
    return id;
  }

  private String statusOf(String id) {
    return lockbox.get("auditor", "/api/lockbox-requests/" + id).text("status");
  }

  private String approvalLink(String id) {
    return findLink(id).orElseThrow();
  }

  private Optional<String> findLink(String id) {
    return lockbox.bean(DevOutbox.class).messages().stream()
        .filter(m -> m.requestId().equals(id) && m.to().equals("owner@contoso.example"))
        .findFirst()
        .map(m -> m.links().get(0));
  }

  /** A link's token starts with the base64url request id; this finds the approver's link to it. */
  private static String linkSelector(String id) {
    String encoded =
        Base64.getUrlEncoder().withoutPadding().encodeToString(id.getBytes(StandardCharsets.UTF_8));
    return "a.email-link[data-to='owner@contoso.example'][href*='/portal/link/" + encoded + ".']";
  }
}
