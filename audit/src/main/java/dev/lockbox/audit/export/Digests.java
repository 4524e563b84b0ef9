package dev.lockbox.audit.export;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 and hex, the two primitives of the export's hashes and chain. */
final class Digests {

  static final HexFormat HEX = HexFormat.of();

  private Digests() {}

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  static byte[] sha256(byte[] bytes, int length) {
    MessageDigest digest = sha256();
    digest.update(bytes, 0, length);
    return digest.digest();
  }

  /** One link of the hash chain: {@code chain_i = SHA-256(chain_(i-1) || lineHash_i)}. */
  static byte[] link(byte[] previous, byte[] lineHash) {
    MessageDigest digest = sha256();
    digest.update(previous);
    digest.update(lineHash);
    return digest.digest();
  }
}
