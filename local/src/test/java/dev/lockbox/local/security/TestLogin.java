package dev.lockbox.local.security;

import com.nimbusds.jwt.JWTClaimsSet;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * The OIDC half of {@link TestIssuer}: discovery, an authorization endpoint that signs in whoever
 * the test chose (no login page), and a token endpoint that checks the client secret and the PKCE
 * verifier against the challenge (S256) before it issues an ID token. A client without PKCE, or
 * with a verifier that does not match, gets {@code invalid_grant}, so its sign-in fails.
 */
final class TestLogin {

  static final String CLIENT_ID = "lockbox-portal";
  static final String CLIENT_SECRET = "portal-client-secret-for-tests";

  private final TestIssuer issuer;
  private final Map<String, Grant> codes = new ConcurrentHashMap<>();
  private volatile JWTClaimsSet.Builder nextUser;
  volatile Map<String, String> lastAuthorization = Map.of();
  volatile String lastTokenError;

  private record Grant(String challenge, String method, String nonce, JWTClaimsSet.Builder user) {}

  TestLogin(TestIssuer issuer) {
    this.issuer = issuer;
  }

  /** The settings that register the portal as a client of this issuer. */
  String[] settings() {
    String registration = "--spring.security.oauth2.client.registration.test-idp.";
    return new String[] {
      registration + "client-id=" + CLIENT_ID,
      registration + "client-secret=" + CLIENT_SECRET,
      registration + "scope=openid,profile,email",
      registration + "provider=test-idp",
      "--spring.security.oauth2.client.provider.test-idp.issuer-uri=" + issuer.issuer()
    };
  }

  /** The next authorization request signs in this user with these claims. */
  void signInNext(String user, List<String> roles, List<String> tenants) {
    nextUser = issuer.claims(user, roles, tenants).audience(CLIENT_ID);
  }

  MockResponse dispatch(RecordedRequest request) {
    String path = request.getRequestUrl().encodedPath();
    return switch (path) {
      case "/.well-known/openid-configuration" -> json(discovery());
      case "/authorize" -> authorize(query(request.getRequestUrl().encodedQuery()));
      case "/token" -> token(request);
      default -> new MockResponse().setResponseCode(404);
    };
  }

  private String discovery() {
    String base = issuer.issuer();
    return "{\"issuer\":\""
        + base
        + "\",\"authorization_endpoint\":\""
        + base
        + "/authorize\",\"token_endpoint\":\""
        + base
        + "/token\",\"jwks_uri\":\""
        + base
        + "/jwks\",\"response_types_supported\":[\"code\"],"
        + "\"subject_types_supported\":[\"public\"],"
        + "\"id_token_signing_alg_values_supported\":[\"RS256\"],"
        + "\"code_challenge_methods_supported\":[\"S256\"]}";
  }

  private MockResponse authorize(Map<String, String> params) {
    lastAuthorization = params;
    String code = UUID.randomUUID().toString();
    codes.put(
        code,
        new Grant(
            params.get("code_challenge"),
            params.get("code_challenge_method"),
            params.get("nonce"),
            nextUser));
    String back =
        params.get("redirect_uri")
            + "?code="
            + code
            + "&state="
            + java.net.URLEncoder.encode(params.get("state"), StandardCharsets.UTF_8);
    return new MockResponse().setResponseCode(302).setHeader("Location", back);
  }

  private MockResponse token(RecordedRequest request) {
    Map<String, String> form = query(request.getBody().readUtf8());
    Grant grant = codes.remove(String.valueOf(form.get("code")));
    String problem = problemWith(request, form, grant);
    if (problem != null) {
      lastTokenError = problem;
      return json("{\"error\":\"invalid_grant\",\"error_description\":\"" + problem + "\"}")
          .setResponseCode(400);
    }
    JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder(grant.user().build());
    if (grant.nonce() != null) {
      claims.claim("nonce", grant.nonce());
    }
    return json(
        "{\"access_token\":\""
            + UUID.randomUUID()
            + "\",\"token_type\":\"Bearer\",\"expires_in\":300,\"id_token\":\""
            + issuer.sign(claims.build())
            + "\"}");
  }

  private static String problemWith(
      RecordedRequest request, Map<String, String> form, Grant grant) {
    String basic =
        "Basic "
            + Base64.getEncoder()
                .encodeToString((CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
    if (!basic.equals(request.getHeader("Authorization"))) {
      return "wrong client credentials";
    }
    if (grant == null || grant.user() == null) {
      return "unknown or used code";
    }
    if (grant.challenge() == null || !"S256".equals(grant.method())) {
      return "no PKCE challenge";
    }
    String verifier = form.get("code_verifier");
    if (verifier == null || !s256(verifier).equals(grant.challenge())) {
      return "the code verifier does not match the challenge";
    }
    return null;
  }

  static String s256(String verifier) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static Map<String, String> query(String encoded) {
    Map<String, String> params = new LinkedHashMap<>();
    if (encoded == null || encoded.isEmpty()) {
      return params;
    }
    for (String pair : encoded.split("&")) {
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      params.put(
          URLDecoder.decode(name, StandardCharsets.UTF_8),
          URLDecoder.decode(value, StandardCharsets.UTF_8));
    }
    return params;
  }

  private static MockResponse json(String body) {
    return new MockResponse().setHeader("Content-Type", "application/json").setBody(body);
  }
}
