package dev.lockbox.audit.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class AuditSigningKeyTest {

  /** An Ed25519 key as {@code openssl genpkey -algorithm ed25519} writes it (test key only). */
  private static final String OPENSSL_PEM =
      """
      -----BEGIN PRIVATE KEY-----
      MC4CAQAwBQYDK2VwBCIEILHQIJmK6V1coM+8q1gXxAG6hjTc7Xcy7LsACI1aPN6E
      -----END PRIVATE KEY-----
      """;

  @Test
  void aPkcs8PemKey_signsAndItsDerivedPublicKeyVerifies() {
    AuditSigningKey key = AuditSigningKey.fromPem(OPENSSL_PEM);
    byte[] message = "manifest digest".getBytes(StandardCharsets.US_ASCII);

    byte[] signature = key.sign(message);

    assertThat(AuditSigningKey.verify(key.publicKey(), message, signature)).isTrue();
    assertThat(AuditSigningKey.verify(AuditSigningKey.generate().publicKey(), message, signature))
        .isFalse();
  }

  @Test
  void thePublicKeyPemRoundTrips() {
    AuditSigningKey key = AuditSigningKey.fromPem(OPENSSL_PEM);

    String pem = key.publicKeyPem();

    assertThat(pem)
        .startsWith("-----BEGIN PUBLIC KEY-----\n")
        .endsWith("-----END PUBLIC KEY-----\n");
    assertThat(AuditSigningKey.publicKeyFromPem(pem)).isEqualTo(key.publicKey());
    assertThat(AuditSigningKey.keyId(AuditSigningKey.publicKeyFromPem(pem)))
        .isEqualTo(key.keyId())
        .hasSize(16);
  }

  @Test
  void aBrokenKey_isRefusedWithoutEchoingIt() {
    String broken = OPENSSL_PEM.replace("MC4C", "XXXX");
    assertThatThrownBy(() -> AuditSigningKey.fromPem(broken))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("XXXX");
  }

  @Test
  void toStringNamesTheKeyIdOnly() {
    AuditSigningKey key = AuditSigningKey.fromPem(OPENSSL_PEM);
    assertThat(key.toString()).isEqualTo("AuditSigningKey[" + key.keyId() + "]");
  }
}
