package dev.lockbox.audit.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.Base64;

/**
 * Checks an export: the manifest's signature, its chain over the line hashes, and every line's
 * SHA-256 against the manifest, in order. Changing, removing, adding or reordering a line names the
 * first line that no longer matches. Reads the file once, holding one line at a time.
 */
public final class ExportVerifier {

  private static final ObjectMapper JSON = new ObjectMapper();

  private ExportVerifier() {}

  /**
   * @param trusted the public key the signature must verify with; null trusts the key in the
   *     manifest, which proves the file is unchanged since signing but not who signed it
   */
  public static Verification verify(InputStream in, PublicKey trusted) throws IOException {
    LineReader lines = new LineReader(in);
    HashList hashes = new HashList();
    byte[] last = null;
    for (byte[] line = lines.next(); line != null; line = lines.next()) {
      if (last != null) {
        hashes.add(Digests.sha256(last, last.length));
      }
      last = line;
    }
    if (last == null) {
      return Verification.badLine(
          1, "the file is empty; an export ends with a signed manifest line");
    }
    long manifestLine = hashes.size() + 1L;
    Manifest manifest;
    try {
      manifest = Manifest.parse(last);
    } catch (IllegalArgumentException e) {
      return Verification.badLine(
          manifestLine,
          "the last line is not a signed Lockbox export manifest (" + e.getMessage() + ")");
    }
    PublicKey key;
    try {
      key = trusted != null ? trusted : manifest.publicKey();
    } catch (IllegalArgumentException e) {
      return Verification.badLine(manifestLine, e.getMessage());
    }
    if (!AuditSigningKey.verify(key, manifest.signedDigest(), manifest.signature())) {
      String whose =
          trusted != null
              ? "the given public key (" + AuditSigningKey.keyId(trusted) + ")"
              : "the key in the manifest";
      return Verification.badLine(
          manifestLine, "the manifest's signature does not verify with " + whose);
    }
    return compare(manifest, hashes, manifestLine, trusted != null);
  }

  private static Verification compare(
      Manifest manifest, HashList actual, long manifestLine, boolean trustedKey) {
    byte[][] expected = manifest.lineHashes();
    if (expected.length != manifest.count()) {
      return Verification.badLine(
          manifestLine,
          "the manifest counts "
              + manifest.count()
              + " lines but lists "
              + expected.length
              + " hashes");
    }
    byte[] chain = new byte[32];
    for (byte[] hash : expected) {
      chain = Digests.link(chain, hash);
    }
    if (!Arrays.equals(chain, manifest.chain())) {
      return Verification.badLine(
          manifestLine, "the manifest's hash chain does not match its line hashes");
    }
    int common = Math.min(expected.length, actual.size());
    for (int i = 0; i < common; i++) {
      if (!Arrays.equals(expected[i], actual.get(i))) {
        return Verification.badLine(
            i + 1,
            "its SHA-256 does not match the manifest: the line was changed, removed, added or moved");
      }
    }
    if (actual.size() < expected.length) {
      return Verification.badLine(
          actual.size() + 1,
          "missing: the manifest lists "
              + expected.length
              + " lines, the file has "
              + actual.size());
    }
    if (actual.size() > expected.length) {
      return Verification.badLine(
          expected.length + 1,
          "not listed in the manifest (it lists " + expected.length + " lines)");
    }
    String signer =
        trustedKey
            ? "the given public key"
            : "the key in the manifest (pass --public-key to prove who signed)";
    return Verification.ok(
        expected.length,
        manifest.keyId(),
        "intact: "
            + expected.length
            + " requests, chain "
            + Digests.HEX.formatHex(chain)
            + ", signed by key "
            + manifest.keyId()
            + " — verified with "
            + signer);
  }

  /** The parsed last line. The signature covers the exact bytes of the manifest object. */
  record Manifest(JsonNode body, byte[] signedDigest, byte[] signature) {

    static Manifest parse(byte[] line) {
      String text = new String(line, StandardCharsets.UTF_8);
      int signatureAt = text.lastIndexOf(ExportWriter.SIGNATURE_FIELD);
      if (!text.startsWith(ExportWriter.MANIFEST_START)
          || signatureAt < 0
          || !text.endsWith("\"}")) {
        throw new IllegalArgumentException("no manifest and signature");
      }
      String body = text.substring(ExportWriter.MANIFEST_START.length(), signatureAt);
      String signature =
          text.substring(signatureAt + ExportWriter.SIGNATURE_FIELD.length(), text.length() - 2);
      try {
        JsonNode manifest = JSON.readTree(body);
        if (!ExportWriter.FORMAT.equals(manifest.path("format").asText())) {
          throw new IllegalArgumentException("unknown format " + manifest.path("format"));
        }
        byte[] bodyBytes = body.getBytes(StandardCharsets.UTF_8);
        return new Manifest(
            manifest,
            Digests.sha256(bodyBytes, bodyBytes.length),
            Base64.getDecoder().decode(signature));
      } catch (IOException e) {
        throw new IllegalArgumentException("malformed manifest JSON");
      }
    }

    long count() {
      return body.path("count").asLong(-1);
    }

    byte[] chain() {
      return hex(body.path("chain").asText());
    }

    byte[][] lineHashes() {
      JsonNode list = body.path("lineHashes");
      byte[][] hashes = new byte[list.size()][];
      for (int i = 0; i < list.size(); i++) {
        hashes[i] = hex(list.get(i).asText());
      }
      return hashes;
    }

    String keyId() {
      return body.path("keyId").asText();
    }

    PublicKey publicKey() {
      try {
        return AuditSigningKey.publicKeyFromDer(
            Base64.getDecoder().decode(body.path("publicKey").asText()));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("the manifest's public key is unreadable");
      }
    }

    JsonNode previous() {
      return body.path("previous");
    }

    String from() {
      return body.path("from").asText();
    }

    String to() {
      return body.path("to").asText();
    }

    private static byte[] hex(String text) {
      try {
        return Digests.HEX.parseHex(text);
      } catch (IllegalArgumentException e) {
        return new byte[0];
      }
    }
  }
}
