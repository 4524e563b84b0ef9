package dev.lockbox.local.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.lockbox.local.LockboxHttp.Response;
import dev.lockbox.local.RunningLockbox;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * Production identities: the API takes JWTs from a (local stand-in) identity provider; roles and
 * tenants come from the claims and reach the same authorization rule as password users.
 */
@Timeout(120)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BearerTokenIT {

  private static final String REQUESTS = "/api/lockbox-requests";

  private TestIssuer issuer;
  private RunningLockbox lockbox;

  @BeforeAll
  void start() {
    issuer = new TestIssuer();
    lockbox = new RunningLockbox(issuer.settings());
  }

  @AfterAll
  void stop() {
    lockbox.close();
    issuer.close();
  }

  @Test
  void aTokenForContosoReadsContosoButNeverAFabrikamRequest() {
    String fabrikamRequest = create(DemoRequest.BODY.replace("contoso", "fabrikam"));
    String contosoRequest = create(DemoRequest.BODY);
    String contoso = approver("contoso-owner", "contoso");

    assertThat(get(contoso, REQUESTS + "/" + contosoRequest).status()).isEqualTo(200);
    Response other = get(contoso, REQUESTS + "/" + fabrikamRequest);
    assertThat(other.status()).isEqualTo(404);
    assertThat(other.body()).doesNotContain("fabrikam-prod", "SR-1001");
    assertThat(get(contoso, REQUESTS + "/" + fabrikamRequest + "/history").status()).isEqualTo(404);
    assertThat(
            get(approver("fabrikam-owner", "fabrikam"), REQUESTS + "/" + fabrikamRequest).status())
        .isEqualTo(200);
  }

  @Test
  void anApproverWhoLostTheRoleIsRefused_oneWhoGainedItAfterTheNotificationToo() {
    String id = create(DemoRequest.BODY);
    String lostRole = issuer.token("contoso-owner", List.of(), List.of("contoso"));
    String newcomer = approver("contoso-newcomer", "contoso");

    assertThat(post(lostRole, REQUESTS + "/" + id + "/approve").status()).isIn(403, 404);
    Response late = post(newcomer, REQUESTS + "/" + id + "/approve");
    assertThat(late.status()).isEqualTo(403);
    assertThat(late.text("detail")).contains("approvers asked");
    Response approved =
        post(approver("contoso-owner", "contoso"), REQUESTS + "/" + id + "/approve");
    assertThat(approved.status()).isEqualTo(200);
    assertThat(approved.json().path("decision").path("actor").asString())
        .isEqualTo("contoso-owner");
  }

  @Test
  void forgedExpiredForeignAndUnsignedTokensGet401_andPasswordsAreOff() {
    JWTClaimsSet valid = issuer.claims("auditor", List.of("AUDITOR"), List.of()).build();
    JWTClaimsSet expired =
        new JWTClaimsSet.Builder(valid)
            .expirationTime(Date.from(Instant.now().minusSeconds(120)))
            .build();
    JWTClaimsSet otherAudience = new JWTClaimsSet.Builder(valid).audience("another-api").build();
    JWTClaimsSet otherIssuer =
        new JWTClaimsSet.Builder(valid).issuer("https://evil.example").build();
    JWTClaimsSet noExpiry = new JWTClaimsSet.Builder(valid).expirationTime(null).build();
    String unsigned = unsigned(valid);

    assertThat(get(issuer.sign(valid), REQUESTS).status()).isEqualTo(200);
    for (String token :
        List.of(
            issuer.sign(expired),
            issuer.sign(otherAudience),
            issuer.sign(otherIssuer),
            issuer.sign(noExpiry),
            issuer.signWithStrangerKey(valid),
            unsigned,
            "not-a-jwt")) {
      Response refused = get(token, REQUESTS);
      assertThat(refused.status()).as(token).isEqualTo(401);
      assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
    }
    assertThat(lockbox.get("auditor", REQUESTS).status()).isEqualTo(401);
  }

  @Test
  void rolesComeFromTheClaims_anEngineerTokenCannotReadTheActuatorOrApprove() {
    String engineer = engineer("engineer1");
    String operator = issuer.token("operator", List.of("operator"), List.of());
    String id = create(DemoRequest.BODY);

    assertThat(get(engineer, "/actuator/prometheus").status()).isEqualTo(403);
    assertThat(get(operator, "/actuator/prometheus").status()).isEqualTo(200);
    assertThat(post(engineer("engineer2"), REQUESTS + "/" + id + "/approve").status())
        .isEqualTo(404);
  }

  @Test
  void theJitPolicyJudgesTheTokensIdentityFacts_forAnEngineerTheDirectoryDoesNotKnow() {
    JWTClaimsSet withMfa = issuer.claims("idp-engineer", List.of("ENGINEER"), List.of()).build();
    JWTClaimsSet passwordOnly =
        new JWTClaimsSet.Builder(withMfa).claim("amr", List.of("pwd")).build();

    Response asked = evaluated(createAs(issuer.sign(withMfa), DemoRequest.BODY));
    Response refused = evaluated(createAs(issuer.sign(passwordOnly), DemoRequest.BODY));

    assertThat(asked.text("status")).isEqualTo("PENDING");
    assertThat(refused.text("status")).isEqualTo("REJECTED");
    assertThat(refused.json().path("jit").path("ruleId").asString()).isEqualTo("mfa-required");
  }

  /** The request once the JIT policy has answered (a busy machine may answer a create sooner). */
  private Response evaluated(Response created) {
    String auditor = issuer.token("auditor", List.of("AUDITOR"), List.of());
    String path = REQUESTS + "/" + created.text("id");
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> get(auditor, path).text("status"), status -> !status.equals("EVALUATING"));
    return get(auditor, path);
  }

  private String create(String body) {
    return createAs(engineer("engineer1"), body).text("id");
  }

  private Response createAs(String token, String body) {
    Response created =
        lockbox.send(
            null,
            HttpRequest.newBuilder(URI.create(lockbox.baseUrl() + REQUESTS))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created;
  }

  private String engineer(String user) {
    return issuer.token(user, List.of("ENGINEER"), List.of());
  }

  private String approver(String user, String tenant) {
    return issuer.token(user, List.of("customer-approver"), List.of(tenant));
  }

  private Response get(String token, String path) {
    return lockbox.send(
        null,
        HttpRequest.newBuilder(URI.create(lockbox.baseUrl() + path))
            .header("Authorization", "Bearer " + token)
            .GET());
  }

  private Response post(String token, String path) {
    return lockbox.send(
        null,
        HttpRequest.newBuilder(URI.create(lockbox.baseUrl() + path))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{}")));
  }

  private static String unsigned(JWTClaimsSet claims) {
    Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
    return url.encodeToString("{\"alg\":\"none\"}".getBytes())
        + "."
        + url.encodeToString(claims.toString().getBytes())
        + ".";
  }
}
