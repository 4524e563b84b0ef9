package dev.lockbox.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.head;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.lockbox.activities.notify.DevOutbox;
import dev.lockbox.activities.notify.OutboxMessage;
import dev.lockbox.links.ApprovalLink;
import dev.lockbox.links.ApprovalLinkSigner;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * The approver portal and signed links against lockbox.jar's application: security (sign-in, CSRF,
 * headers), what GET may and may not do, decisions and their result pages, error pages.
 */
@Timeout(120)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortalIT {

  private static final String OWNER_EMAIL = "owner@contoso.example";

  private RunningLockbox lockbox;
  private MockMvc mvc;

  @BeforeAll
  void start() {
    lockbox = new RunningLockbox("--lockbox.approval-window=PT10S");
    mvc =
        MockMvcBuilders.webAppContextSetup((WebApplicationContext) lockbox.context())
            .apply(springSecurity())
            .build();
  }

  @AfterAll
  void stop() {
    lockbox.close();
  }

  @Test
  void givenNoSession_whenAScannerSendsHeadThenGet_itIsSentToSignInAndNothingChanges()
      throws Exception {
    String id = createDemo();
    String link = linkPath(id);

    for (MockHttpServletRequestBuilder scan :
        new MockHttpServletRequestBuilder[] {head(link), get(link)}) {
      MockHttpServletResponse response = mvc.perform(scan).andReturn().getResponse();
      assertThat(response.getStatus()).isEqualTo(302);
      assertThat(response.getRedirectedUrl()).endsWith("/login");
    }

    assertThat(status(id)).isEqualTo("PENDING");
    assertThat(page(get(link).with(user("contoso-owner"))).getContentAsString())
        .contains("id=\"approve\"");
  }

  @Test
  void givenTheApprover_whenOpeningTheirLink_theDetailsShowWithNoStoreAndTheSecurityHeaders()
      throws Exception {
    String id = createDemo();

    MockHttpServletResponse response = page(get(linkPath(id)).with(user("contoso-owner")));

    assertThat(response.getStatus()).isEqualTo(200);
    assertThat(response.getHeader("Cache-Control")).isEqualTo("no-store");
    assertThat(response.getHeader("Content-Security-Policy")).contains("frame-ancestors 'none'");
    assertThat(response.getHeader("Referrer-Policy")).isEqualTo("no-referrer");
    assertThat(response.getContentAsString())
        .contains(
            "Erin Engineer (engineer1)",
            "SR-1001",
            "VirtualMachine vm-web-01",
            "RemoteDesktop",
            "8 hours",
            "Customer reports RDP failures; need to inspect event logs",
            "id=\"jit-reasons\"",
            "left",
            "name=\"_csrf\"");
    assertThat(status(id)).isEqualTo("PENDING");
  }

  @Test
  void everyPortalPageCarriesTheFramingAndReferrerHeaders() throws Exception {
    for (String path :
        new String[] {"/portal", "/portal/requests", "/portal/activity", "/dev/outbox"}) {
      MockHttpServletResponse response = page(get(path).with(user("contoso-owner")));
      assertThat(response.getStatus()).as(path).isEqualTo(200);
      assertThat(response.getHeader("Content-Security-Policy"))
          .as(path)
          .contains("frame-ancestors 'none'");
      assertThat(response.getHeader("Referrer-Policy")).as(path).isEqualTo("no-referrer");
    }
    assertThat(page(get("/login")).getHeader("Content-Security-Policy"))
        .contains("frame-ancestors 'none'");
  }

  @Test
  void givenAnotherApprover_whenOpeningTheLink_thePageSaysItWasSentToSomeoneElse()
      throws Exception {
    String id = createDemo();

    MockHttpServletResponse response = page(get(linkPath(id)).with(user("fabrikam-owner")));

    assertThat(response.getStatus()).isEqualTo(403);
    assertThat(response.getContentAsString())
        .contains("This link was sent to another approver", "contoso-owner")
        .doesNotContain("SR-1001");
    MockHttpServletResponse post =
        page(post(linkPath(id) + "/approve").with(user("fabrikam-owner")).with(csrf()));
    assertThat(post.getStatus()).isEqualTo(403);
    assertThat(status(id)).isEqualTo("PENDING");
  }

  @Test
  void givenATamperedLink_thePageSaysItIsNotValid() throws Exception {
    String id = createDemo();
    String link = linkPath(id);
    String tampered = link.substring(0, link.length() - 3) + (link.endsWith("AAA") ? "BBB" : "AAA");

    MockHttpServletResponse response = page(get(tampered).with(user("contoso-owner")));

    assertThat(response.getStatus()).isEqualTo(400);
    assertThat(response.getContentAsString())
        .contains("This link is not valid")
        .doesNotContain("Exception");
  }

  @Test
  void givenAnExpiredLink_thePageSaysItExpired() throws Exception {
    String id = createDemo();
    String expired =
        lockbox
            .bean(ApprovalLinkSigner.class)
            .sign(new ApprovalLink(id, "contoso-owner", Instant.now().minusSeconds(60)));

    MockHttpServletResponse response =
        page(get("/portal/link/" + expired).with(user("contoso-owner")));

    assertThat(response.getStatus()).isEqualTo(410);
    assertThat(response.getContentAsString()).contains("This link has expired");
  }

  @Test
  void givenAPostWithoutCsrfToken_itIsRefusedAndNothingIsDecided() throws Exception {
    String id = createDemo();

    assertThat(page(post(linkPath(id) + "/approve").with(user("contoso-owner"))).getStatus())
        .isEqualTo(403);
    assertThat(
            page(post("/portal/requests/" + id + "/approve").with(user("contoso-owner")))
                .getStatus())
        .isEqualTo(403);

    assertThat(status(id)).isEqualTo("PENDING");
  }

  @Test
  void givenTheApprover_whenApprovingThroughTheLink_accessIsGrantedAndTheChannelIsEmailLink()
      throws Exception {
    String id = createDemo();

    MockHttpServletResponse result =
        page(
            post(linkPath(id) + "/approve")
                .param("comment", "ok for SR-1001")
                .with(user("contoso-owner"))
                .with(csrf()));

    assertThat(result.getStatus()).isEqualTo(200);
    assertThat(result.getHeader("Cache-Control")).isEqualTo("no-store");
    assertThat(result.getContentAsString()).contains("You approved the request", "ACCESS_GRANTED");
    var request = lockbox.get("auditor", "/api/lockbox-requests/" + id).json();
    assertThat(request.path("status").asString()).isEqualTo("ACCESS_GRANTED");
    assertThat(request.path("decision").path("channel").asString()).isEqualTo("EMAIL_LINK");
    assertThat(request.path("decision").path("actor").asString()).isEqualTo("contoso-owner");
    assertThat(request.path("decision").path("comment").asString()).isEqualTo("ok for SR-1001");
  }

  @Test
  void givenTheApprover_whenDenyingInThePortal_nothingIsGrantedAndTheChannelIsPortal()
      throws Exception {
    String id = createDemo();

    MockHttpServletResponse result =
        page(post("/portal/requests/" + id + "/deny").with(user("contoso-owner")).with(csrf()));

    assertThat(result.getContentAsString()).contains("You denied the request", "DENIED");
    var request = lockbox.get("auditor", "/api/lockbox-requests/" + id).json();
    assertThat(request.path("status").asString()).isEqualTo("DENIED");
    assertThat(request.path("decision").path("channel").asString()).isEqualTo("PORTAL");
  }

  @Test
  void givenAGrantedRequest_theApproverEndsAccessFromTheRequestPageAfterConfirming()
      throws Exception {
    String id = createDemo();
    page(post("/portal/requests/" + id + "/approve").with(user("contoso-owner")).with(csrf()));
    assertThat(status(id)).isEqualTo("ACCESS_GRANTED");
    String detail =
        page(get("/portal/requests/" + id).with(user("contoso-owner"))).getContentAsString();
    assertThat(detail).contains("id=\"revoke-link\"", "/portal/requests/" + id + "/revoke");

    String confirm =
        page(get("/portal/requests/" + id + "/revoke").with(user("contoso-owner")))
            .getContentAsString();
    assertThat(confirm).contains("End access now?", "id=\"confirm\"", "name=\"_csrf\"");
    assertThat(status(id)).isEqualTo("ACCESS_GRANTED");
    assertThat(
            page(post("/portal/requests/" + id + "/revoke").with(user("contoso-owner")))
                .getStatus())
        .isEqualTo(403);

    MockHttpServletResponse result =
        page(
            post("/portal/requests/" + id + "/revoke")
                .param("comment", "done with the ticket")
                .with(user("contoso-owner"))
                .with(csrf()));

    assertThat(result.getContentAsString()).contains("You ended the access");
    await().atMost(Duration.ofSeconds(20)).until(() -> status(id).equals("COMPLETED"));
    var request = lockbox.get("auditor", "/api/lockbox-requests/" + id).json();
    assertThat(request.path("revocation").path("actor").asString()).isEqualTo("contoso-owner");
    assertThat(request.path("revocation").path("channel").asString()).isEqualTo("PORTAL");
    assertThat(request.path("revocation").path("comment").asString())
        .isEqualTo("done with the ticket");
    assertThat(page(get("/portal/requests/" + id).with(user("contoso-owner"))).getContentAsString())
        .doesNotContain("id=\"revoke-link\"");
  }

  @Test
  void givenAPendingRequest_onlyTheRequesterIsOfferedToWithdrawItAndWithdrawingCancelsIt()
      throws Exception {
    String id = createDemo();
    assertThat(page(get("/portal/requests/" + id).with(user("contoso-owner"))).getContentAsString())
        .doesNotContain("id=\"cancel-link\"");
    assertThat(page(get("/portal/requests/" + id).with(user("engineer1"))).getContentAsString())
        .contains("id=\"cancel-link\"")
        .doesNotContain("id=\"revoke-link\"");
    assertThat(
            page(get("/portal/requests/" + id + "/cancel").with(user("engineer1")))
                .getContentAsString())
        .contains("Withdraw this request?");

    MockHttpServletResponse result =
        page(post("/portal/requests/" + id + "/cancel").with(user("engineer1")).with(csrf()));

    assertThat(result.getContentAsString()).contains("You withdrew the request", "CANCELED");
    assertThat(status(id)).isEqualTo("CANCELED");
  }

  @Test
  void givenADecidedRequest_whenDecidingAgain_theResultSaysWhoDecidedWhen() throws Exception {
    String id = createDemo();
    page(post("/portal/requests/" + id + "/approve").with(user("contoso-owner")).with(csrf()));

    MockHttpServletResponse again =
        page(post(linkPath(id) + "/deny").with(user("contoso-owner")).with(csrf()));

    assertThat(again.getStatus()).isEqualTo(200);
    assertThat(again.getContentAsString())
        .contains(
            "This request was already decided",
            "approved by contoso-owner at ",
            " UTC",
            "ACCESS_GRANTED");
    assertThat(status(id)).isEqualTo("ACCESS_GRANTED");
  }

  @Test
  void givenAnExpiredRequest_whenApproving_theResultSaysItAlreadyExpired() throws Exception {
    String id = createDemo();
    await().atMost(Duration.ofSeconds(40)).until(() -> status(id).equals("EXPIRED"));

    MockHttpServletResponse result =
        page(post("/portal/requests/" + id + "/approve").with(user("contoso-owner")).with(csrf()));

    assertThat(result.getContentAsString())
        .contains("This request already expired", "expired at ", "EXPIRED");
  }

  @Test
  void givenTheRequester_whenPostingApprove_thePortalSaysNotAllowed() throws Exception {
    String id = createDemo();

    MockHttpServletResponse result =
        page(post("/portal/requests/" + id + "/approve").with(user("engineer1")).with(csrf()));

    assertThat(result.getStatus()).isEqualTo(403);
    assertThat(result.getContentAsString())
        .contains("Requesters never approve or deny their own request.");
    assertThat(page(get("/portal/requests/" + id).with(user("engineer1"))).getContentAsString())
        .doesNotContain("id=\"approve\"");
  }

  @Test
  void givenUnknownOrForeignRequestsAndBadInput_thePortalAnswersWithClearPages() throws Exception {
    String id = createDemo();

    assertThat(page(get("/portal/requests/" + id).with(user("fabrikam-owner"))).getStatus())
        .isEqualTo(404);
    assertThat(
            page(get("/portal/requests/no-such-id").with(user("contoso-owner")))
                .getContentAsString())
        .contains("Not found");
    assertThat(page(get("/portal/no-such-page").with(user("contoso-owner"))).getStatus())
        .isEqualTo(404);
    assertThat(
            page(get("/portal/requests").param("status", "NOPE").with(user("contoso-owner")))
                .getStatus())
        .isEqualTo(400);
    assertThat(
            page(get("/portal/requests").param("page", "x").with(user("contoso-owner")))
                .getStatus())
        .isEqualTo(400);
    MockHttpServletResponse longComment =
        page(
            post("/portal/requests/" + id + "/approve")
                .param("comment", "x".repeat(1001))
                .with(user("contoso-owner"))
                .with(csrf()));
    assertThat(longComment.getStatus()).isEqualTo(400);
    assertThat(longComment.getContentType()).startsWith("text/html");
    assertThat(status(id)).isEqualTo("PENDING");
  }

  @Test
  void overRealHttp_aForgedPostGetsAnHtmlErrorPageWithoutWhitelabelOrStackTrace() {
    LockboxHttp.Response refused =
        lockbox.send(
            null,
            HttpRequest.newBuilder(URI.create(lockbox.baseUrl() + "/portal/requests/x/approve"))
                .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
                .POST(HttpRequest.BodyPublishers.noBody()));
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.header("Content-Type")).startsWith("text/html");
    assertThat(refused.body())
        .contains("Not allowed")
        .doesNotContain("Whitelabel", "Exception", "at dev.");
  }

  @Test
  void thePendingPageListsTheTenantsRequestsWithTimeLeftAndOnlyToItsApprovers() throws Exception {
    String id = createDemo();

    assertThat(page(get("/portal").with(user("contoso-owner"))).getContentAsString())
        .contains("/portal/requests/" + id, "seconds");
    assertThat(page(get("/portal").with(user("fabrikam-owner"))).getContentAsString())
        .doesNotContain("/portal/requests/" + id);
    assertThat(page(get("/portal").with(user("engineer1"))).getContentAsString())
        .doesNotContain("/portal/requests/" + id)
        .contains("Nothing waits for you");
    assertThat(page(get("/portal/requests").with(user("engineer1"))).getContentAsString())
        .contains("/portal/requests/" + id);
  }

  @Test
  void thePendingPageShowsTheSoonestToExpireFirst() throws Exception {
    String first = createDemo();
    String second = createDemo();

    String home = page(get("/portal").with(user("contoso-owner"))).getContentAsString();

    assertThat(home).contains("/portal/requests/" + first, "/portal/requests/" + second);
    assertThat(home.indexOf("/portal/requests/" + first))
        .isLessThan(home.indexOf("/portal/requests/" + second));
  }

  @Test
  void theActivityLogFiltersByAction() throws Exception {
    String approved = createDemo();
    page(
        post("/portal/requests/" + approved + "/approve").with(user("contoso-owner")).with(csrf()));

    String approves =
        page(get("/portal/activity").param("action", "Approve").with(user("contoso-owner")))
            .getContentAsString();
    String creates =
        page(get("/portal/activity").param("action", "create").with(user("contoso-owner")))
            .getContentAsString();

    assertThat(approves)
        .contains("<td class=\"action\">Approve</td>")
        .doesNotContain("<td class=\"action\">Create</td>");
    assertThat(creates)
        .contains("<td class=\"action\">Create</td>")
        .doesNotContain("<td class=\"action\">Approve</td>");
    assertThat(
            page(get("/portal/activity").param("action", "Explode").with(user("contoso-owner")))
                .getStatus())
        .isEqualTo(400);
  }

  @Test
  void theDevOutboxNeedsSignInAndShowsEachUserOnlyTheEmailsAddressedToThem() throws Exception {
    String id = createDemo();
    String link = linkPath(id);

    assertThat(page(get("/dev/outbox")).getStatus()).isEqualTo(302);
    assertThat(page(get("/dev/outbox").with(user("contoso-owner"))).getContentAsString())
        .contains(
            OWNER_EMAIL, link, "Lockbox: approve or deny RemoteDesktop on vm-web-01 (SR-1001)");
    for (String other : new String[] {"fabrikam-owner", "auditor", "engineer2"}) {
      assertThat(page(get("/dev/outbox").with(user(other))).getContentAsString())
          .as(other)
          .doesNotContain(OWNER_EMAIL, link, "SR-1001", "Customer reports RDP failures");
    }
  }

  @Test
  void theDevOutboxServesEachEmailsHtmlAsSentOnlyToItsAddresseeUnderAScriptlessSandbox()
      throws Exception {
    String id = createDemo();
    linkPath(id);
    OutboxMessage email = find(lockbox.bean(DevOutbox.class), id);
    String path = "/dev/outbox/" + DevOutbox.idOf(email) + "/html";

    MockHttpServletResponse shown = page(get(path).with(user("contoso-owner")));

    assertThat(shown.getStatus()).isEqualTo(200);
    assertThat(shown.getContentType()).startsWith("text/html");
    assertThat(shown.getContentAsString()).isEqualTo(email.html());
    assertThat(shown.getHeader("Content-Security-Policy"))
        .contains("default-src 'none'", "sandbox", "frame-ancestors 'self'")
        .doesNotContain("script-src");
    assertThat(shown.getHeader("Cache-Control")).isEqualTo("no-store");
    assertThat(page(get(path).with(user("fabrikam-owner"))).getStatus()).isEqualTo(404);
    assertThat(page(get("/dev/outbox/no-such-email/html").with(user("contoso-owner"))).getStatus())
        .isEqualTo(404);
    String outbox = page(get("/dev/outbox").with(user("contoso-owner"))).getContentAsString();
    assertThat(outbox).contains("src=\"" + path + "\"", "sandbox");
    assertThat(
            page(get("/dev/outbox").param("to", "x@y.example").with(user("contoso-owner")))
                .getContentAsString())
        .contains("id=\"no-match\"", "x@y.example")
        .doesNotContain(path);
  }

  @Test
  void myRequestsListOnlyTheEngineersOwnAndRefuseANegativePage() throws Exception {
    String id = createDemo();

    assertThat(page(get("/portal/mine").with(user("engineer1"))).getContentAsString())
        .contains("/portal/requests/" + id);
    assertThat(page(get("/portal/mine").with(user("engineer2"))).getContentAsString())
        .doesNotContain("/portal/requests/" + id);
    assertThat(page(get("/portal/mine").with(user("contoso-owner"))).getContentAsString())
        .contains("You have made no requests");
    assertThat(page(get("/portal/mine").param("page", "-1").with(user("engineer1"))).getStatus())
        .isEqualTo(400);
  }

  @Test
  void myRequestsComeNewestFirstTwentyAPageWithTheOldestOnTheNextPage() throws Exception {
    java.util.List<String> ids = new java.util.ArrayList<>();
    for (int i = 0; i < 21; i++) {
      ids.add(LockboxRequests.create(lockbox.http(), "engineer2", LockboxApiIT.DEMO, "PENDING"));
    }

    String first = page(get("/portal/mine").with(user("engineer2"))).getContentAsString();
    String second =
        page(get("/portal/mine").param("page", "1").with(user("engineer2"))).getContentAsString();

    assertThat(first)
        .contains("Showing 1–20 of 21, newest first.", "id=\"older-page\"", ids.get(20))
        .doesNotContain("data-request-id=\"" + ids.get(0) + "\"");
    assertThat(first.indexOf(ids.get(20))).isLessThan(first.indexOf(ids.get(19)));
    assertThat(second)
        .contains(
            "Showing 21–21 of 21", "data-request-id=\"" + ids.get(0) + "\"", "id=\"newer-page\"")
        .doesNotContain("id=\"older-page\"");
  }

  @Test
  void anUnknownTimeZoneIsRefusedWithAPageAndSetsNoCookie() throws Exception {
    MockHttpServletResponse refused =
        page(
            post("/portal/time-zone")
                .param("zone", "Mars/Olympus")
                .with(user("contoso-owner"))
                .with(csrf()));
    MockHttpServletResponse saved =
        page(
            post("/portal/time-zone")
                .param("zone", "Europe/Berlin")
                .with(user("contoso-owner"))
                .with(csrf()));

    assertThat(refused.getStatus()).isEqualTo(400);
    assertThat(refused.getHeader("Set-Cookie")).isNull();
    assertThat(saved.getStatus()).isEqualTo(302);
    assertThat(saved.getHeader("Set-Cookie"))
        .startsWith("lockbox_zone=Europe/Berlin")
        .contains("HttpOnly", "SameSite=Lax", "Path=/");
  }

  @Test
  void theApiStillUsesHttpBasicWithoutSessionOrCsrf() {
    LockboxHttp.Response created =
        lockbox.postJson("engineer1", "/api/lockbox-requests", LockboxApiIT.DEMO);

    assertThat(created.status()).isEqualTo(201);
    assertThat(created.header("Set-Cookie")).isNull();
    assertThat(lockbox.get(null, "/api/lockbox-requests").status()).isEqualTo(401);
  }

  private MockHttpServletResponse page(MockHttpServletRequestBuilder request) throws Exception {
    return mvc.perform(request).andReturn().getResponse();
  }

  private String createDemo() {
    LockboxHttp.Response created =
        lockbox.postJson("engineer1", "/api/lockbox-requests", LockboxApiIT.DEMO);
    // A busy machine may answer the create while the JIT policy still evaluates (docs/api.md).
    assertThat(created.text("status")).isIn("PENDING", "EVALUATING");
    LockboxRequests.awaitStatus(lockbox.http(), created.text("id"), "PENDING");
    return created.text("id");
  }

  private String status(String id) {
    return lockbox.get("auditor", "/api/lockbox-requests/" + id).text("status");
  }

  /** The path of the approval link the dev outbox holds for contoso-owner. */
  private String linkPath(String id) {
    DevOutbox outbox = lockbox.bean(DevOutbox.class);
    await().atMost(Duration.ofSeconds(10)).until(() -> find(outbox, id) != null);
    return URI.create(find(outbox, id).links().get(0)).getPath();
  }

  private static OutboxMessage find(DevOutbox outbox, String id) {
    return outbox.messages().stream()
        .filter(
            m ->
                m.requestId().equals(id)
                    && m.to().equals(OWNER_EMAIL)
                    && m.kind().equals("APPROVAL_REQUESTED"))
        .findFirst()
        .orElse(null);
  }
}
