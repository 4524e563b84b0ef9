package dev.lockbox.audit.export;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;

/**
 * The Ed25519 key that signs export manifests. Its private half never leaves this object: no
 * getter, no toString, never logged.
 */
public final class AuditSigningKey {

  public static final String ALGORITHM = "Ed25519";

  private final PrivateKey privateKey;
  private final PublicKey publicKey;

  private AuditSigningKey(PrivateKey privateKey, PublicKey publicKey) {
    this.privateKey = privateKey;
    this.publicKey = publicKey;
  }

  /** A fresh key for this process only (the embedded default): exports name it by its key id. */
  public static AuditSigningKey generate() {
    try {
      KeyPair pair = KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
      return new AuditSigningKey(pair.getPrivate(), pair.getPublic());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Ed25519 is part of every JDK 15+", e);
    }
  }

  /** A PKCS#8 PEM private key, e.g. from {@code openssl genpkey -algorithm ed25519}. */
  public static AuditSigningKey fromPem(String pkcs8Pem) {
    try {
      PrivateKey key =
          KeyFactory.getInstance(ALGORITHM)
              .generatePrivate(new PKCS8EncodedKeySpec(Pem.decode(pkcs8Pem, "PRIVATE KEY")));
      return new AuditSigningKey(key, publicKeyOf(key));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      // The message names the problem, never the key material.
      throw new IllegalArgumentException(
          "the audit signing key is not an Ed25519 PKCS#8 PEM private key", e);
    }
  }

  /**
   * JDK 17 has no call that derives an Ed25519 public key from its private key; generating a pair
   * from the private key's seed does exactly that. A signature round trip proves the pair matches.
   */
  private static PublicKey publicKeyOf(PrivateKey key) throws GeneralSecurityException {
    byte[] seed =
        ((EdECPrivateKey) key)
            .getBytes()
            .orElseThrow(() -> new GeneralSecurityException("no key bytes"));
    KeyPairGenerator generator = KeyPairGenerator.getInstance(ALGORITHM);
    generator.initialize(NamedParameterSpec.ED25519, new SeedRandom(seed));
    PublicKey derived = generator.generateKeyPair().getPublic();
    byte[] probe = "lockbox key check".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    if (!verify(derived, probe, sign(key, probe))) {
      throw new GeneralSecurityException("could not derive the public key");
    }
    return derived;
  }

  public byte[] sign(byte[] message) {
    try {
      return sign(privateKey, message);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("signing failed", e);
    }
  }

  private static byte[] sign(PrivateKey key, byte[] message) throws GeneralSecurityException {
    Signature signature = Signature.getInstance(ALGORITHM);
    signature.initSign(key);
    signature.update(message);
    return signature.sign();
  }

  public static boolean verify(PublicKey key, byte[] message, byte[] signatureBytes) {
    try {
      Signature signature = Signature.getInstance(ALGORITHM);
      signature.initVerify(key);
      signature.update(message);
      return signature.verify(signatureBytes);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return false;
    }
  }

  public PublicKey publicKey() {
    return publicKey;
  }

  public String publicKeyPem() {
    return Pem.encode(publicKey.getEncoded(), "PUBLIC KEY");
  }

  /** A short, stable name of the public key: the first 16 hex digits of its SHA-256. */
  public String keyId() {
    return keyId(publicKey);
  }

  public static String keyId(PublicKey key) {
    byte[] hash = Digests.sha256(key.getEncoded(), key.getEncoded().length);
    return Digests.HEX.formatHex(hash).substring(0, 16);
  }

  public static PublicKey publicKeyFromPem(String pem) {
    return publicKeyFromDer(Pem.decode(pem, "PUBLIC KEY"));
  }

  public static PublicKey publicKeyFromDer(byte[] der) {
    try {
      return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(der));
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("not an Ed25519 public key", e);
    }
  }

  @Override
  public String toString() {
    return "AuditSigningKey[" + keyId() + "]";
  }

  /** Hands out a fixed seed once: lets the JDK's generator compute the public key of that seed. */
  private static final class SeedRandom extends SecureRandom {
    private final byte[] seed;

    SeedRandom(byte[] seed) {
      this.seed = seed.clone();
    }

    @Override
    public void nextBytes(byte[] bytes) {
      System.arraycopy(seed, 0, bytes, 0, Math.min(seed.length, bytes.length));
      Arrays.fill(seed, (byte) 0);
    }
  }

  /** PEM: base64 between BEGIN/END lines. */
  static final class Pem {
    private Pem() {}

    static byte[] decode(String pem, String label) {
      String begin = "-----BEGIN " + label + "-----";
      String end = "-----END " + label + "-----";
      int from = pem.indexOf(begin);
      int to = pem.indexOf(end);
      if (from < 0 || to < from) {
        throw new IllegalArgumentException("not a PEM " + label);
      }
      return Base64.getMimeDecoder().decode(pem.substring(from + begin.length(), to));
    }

    static String encode(byte[] der, String label) {
      String body =
          Base64.getMimeEncoder(64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
              .encodeToString(der);
      return "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n";
    }
  }
}
