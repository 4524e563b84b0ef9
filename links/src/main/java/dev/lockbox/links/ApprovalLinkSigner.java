package dev.lockbox.links;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and checks approval link tokens with HMAC-SHA256. A token is four dot-separated base64url
 * parts: request id, approver id, expiry (epoch seconds) and the MAC over the first three. It binds
 * all three, so changing any of them, or swapping parts between tokens, breaks the signature.
 */
public class ApprovalLinkSigner {

  private static final String ALGORITHM = "HmacSHA256";

  /** Keeps a MAC made for links from being valid for any other use of the same key. */
  private static final String PURPOSE = "lockbox-approval-link-v1\n";

  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

  private final SecretKeySpec key;
  private final Clock clock;

  public ApprovalLinkSigner(byte[] key, Clock clock) {
    if (key.length < 32) {
      throw new IllegalArgumentException("an approval link signing key needs at least 32 bytes");
    }
    this.key = new SecretKeySpec(key.clone(), ALGORITHM);
    this.clock = clock;
  }

  public String sign(ApprovalLink link) {
    String signed =
        encode(link.requestId())
            + "."
            + encode(link.approverId())
            + "."
            + link.expiresAt().getEpochSecond();
    return signed + "." + ENCODER.encodeToString(mac(signed));
  }

  /** Never throws for a bad token: anything we did not sign is {@link LinkCheck.Invalid}. */
  public LinkCheck check(String token) {
    String[] parts = token == null ? new String[0] : token.split("\\.", -1);
    if (parts.length != 4) {
      return new LinkCheck.Invalid();
    }
    try {
      String signed = parts[0] + "." + parts[1] + "." + parts[2];
      if (!MessageDigest.isEqual(mac(signed), DECODER.decode(parts[3]))) {
        return new LinkCheck.Invalid();
      }
      ApprovalLink link =
          new ApprovalLink(
              decode(parts[0]), decode(parts[1]), Instant.ofEpochSecond(Long.parseLong(parts[2])));
      return clock.instant().isBefore(link.expiresAt())
          ? new LinkCheck.Valid(link)
          : new LinkCheck.Expired(link);
    } catch (IllegalArgumentException malformed) {
      return new LinkCheck.Invalid();
    }
  }

  private byte[] mac(String signed) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      return mac.doFinal((PURPOSE + signed).getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }

  private static String encode(String value) {
    return ENCODER.encodeToString(value.getBytes(StandardCharsets.UTF_8));
  }

  private static String decode(String value) {
    return new String(DECODER.decode(value), StandardCharsets.UTF_8);
  }
}
