package dev.lockbox.activities.access;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code Lockbox-Signature} header of a webhook event: {@code t=<unix seconds>,v1=<hex
 * HMAC-SHA256 of "<t>.<body>">} under the shared secret. Signing the timestamp with the body lets a
 * receiver refuse a replayed event once it is older than its tolerance.
 */
public final class WebhookSignature {

  public static final String HEADER = "Lockbox-Signature";

  /** How old a signed event a receiver still accepts. */
  public static final Duration TOLERANCE = Duration.ofMinutes(5);

  private WebhookSignature() {}

  public static String sign(String secret, Instant timestamp, String body) {
    long t = timestamp.getEpochSecond();
    return "t=" + t + ",v1=" + hmac(secret, t + "." + body);
  }

  /**
   * Whether the header signs this body with this secret, at most {@link #TOLERANCE} away from
   * {@code now}.
   */
  public static boolean verify(String header, String body, String secret, Instant now) {
    if (header == null) {
      return false;
    }
    Long t = null;
    String v1 = null;
    for (String part : header.split(",")) {
      String[] kv = part.trim().split("=", 2);
      if (kv.length == 2 && kv[0].equals("t")) {
        t = parse(kv[1]);
      } else if (kv.length == 2 && kv[0].equals("v1")) {
        v1 = kv[1];
      }
    }
    if (t == null || v1 == null) {
      return false;
    }
    Duration age = Duration.between(Instant.ofEpochSecond(t), now).abs();
    return age.compareTo(TOLERANCE) <= 0
        && MessageDigest.isEqual(
            hmac(secret, t + "." + body).getBytes(StandardCharsets.US_ASCII),
            v1.getBytes(StandardCharsets.US_ASCII));
  }

  private static Long parse(String seconds) {
    try {
      return Long.parseLong(seconds);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static String hmac(String secret, String payload) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HMAC-SHA256 unavailable", e);
    }
  }
}
