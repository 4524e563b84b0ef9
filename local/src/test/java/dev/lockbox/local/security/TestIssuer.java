package dev.lockbox.local.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * A local stand-in for an identity provider: an RSA key made for the test, its key set served on
 * {@code /jwks}, and JWTs minted with it. No external provider is ever asked.
 */
final class TestIssuer implements AutoCloseable {

  static final String AUDIENCE = "lockbox-api";

  private final MockWebServer server = new MockWebServer();
  private final RSAKey key = generate("test-key");
  private final TestLogin login = new TestLogin(this);

  TestIssuer() {
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            if ("/jwks".equals(request.getPath())) {
              return new MockResponse()
                  .setHeader("Content-Type", "application/json")
                  .setBody(new JWKSet(key.toPublicJWK()).toString());
            }
            return login.dispatch(request);
          }
        });
    try {
      server.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String issuer() {
    return server.url("/").toString().replaceAll("/$", "");
  }

  /** The settings that point Lockbox at this issuer. */
  String[] settings() {
    return new String[] {
      "--lockbox.security.oidc.issuer-uri=" + issuer(),
      "--lockbox.security.oidc.jwk-set-uri=" + issuer() + "/jwks",
      "--lockbox.security.oidc.audience=" + AUDIENCE
    };
  }

  /** A valid token for this user with these Lockbox claims. */
  String token(String user, List<String> roles, List<String> tenants) {
    return sign(key, claims(user, roles, tenants).build());
  }

  JWTClaimsSet.Builder claims(String user, List<String> roles, List<String> tenants) {
    Instant now = Instant.now();
    return new JWTClaimsSet.Builder()
        .issuer(issuer())
        .subject("sub-" + user)
        .audience(AUDIENCE)
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plus(Duration.ofMinutes(10))))
        .claim("preferred_username", user)
        .claim("email", user + "@idp.example")
        .claim("amr", List.of("pwd", "mfa"))
        .claim("lockbox_roles", roles)
        .claim("lockbox_tenants", tenants);
  }

  /** The portal's sign-in: who the next authorization request signs in, and what it saw. */
  TestLogin login() {
    return login;
  }

  String sign(JWTClaimsSet claims) {
    return sign(key, claims);
  }

  /** Signed by a key this issuer never published. */
  String signWithStrangerKey(JWTClaimsSet claims) {
    return sign(generate("stranger"), claims);
  }

  static Map<String, Object> none() {
    return Map.of();
  }

  private static String sign(RSAKey key, JWTClaimsSet claims) {
    try {
      SignedJWT jwt =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
      jwt.sign(new RSASSASigner(key));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  private static RSAKey generate(String id) {
    try {
      return new RSAKeyGenerator(2048).keyID(id).generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    try {
      server.shutdown();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
