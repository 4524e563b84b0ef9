package dev.lockbox.links;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ApprovalLinkSignerTest {

  private static final Instant NOW = Instant.parse("2026-11-01T10:00:00Z");
  private static final ApprovalLink LINK =
      new ApprovalLink("req-1", "contoso-owner", NOW.plusSeconds(3600));

  private final ApprovalLinkSigner signer = signer("a-signing-key-of-at-least-32-bytes!!", NOW);

  @Test
  void givenASignedLink_whenCheckedBeforeExpiry_itIsValidWithItsRequestApproverAndExpiry() {
    LinkCheck check = signer.check(signer.sign(LINK));

    assertThat(check).isEqualTo(new LinkCheck.Valid(LINK));
  }

  @Test
  void givenASignedLink_whenCheckedAtOrAfterExpiry_itIsExpired() {
    String token = signer.sign(LINK);
    ApprovalLinkSigner later = signer("a-signing-key-of-at-least-32-bytes!!", LINK.expiresAt());

    assertThat(later.check(token)).isEqualTo(new LinkCheck.Expired(LINK));
  }

  @Test
  void givenAnyPartChanged_whenChecked_itIsInvalid() {
    String token = signer.sign(LINK);
    String[] parts = token.split("\\.");
    String otherApprover =
        signer.sign(new ApprovalLink("req-1", "fabrikam-owner", LINK.expiresAt()));
    String otherRequest = signer.sign(new ApprovalLink("req-2", "contoso-owner", LINK.expiresAt()));

    assertThat(
            signer.check(
                otherRequest.split("\\.")[0] + "." + parts[1] + "." + parts[2] + "." + parts[3]))
        .isInstanceOf(LinkCheck.Invalid.class);
    assertThat(
            signer.check(
                parts[0] + "." + otherApprover.split("\\.")[1] + "." + parts[2] + "." + parts[3]))
        .isInstanceOf(LinkCheck.Invalid.class);
    assertThat(
            signer.check(
                parts[0]
                    + "."
                    + parts[1]
                    + "."
                    + (Long.parseLong(parts[2]) + 86400)
                    + "."
                    + parts[3]))
        .isInstanceOf(LinkCheck.Invalid.class);
    assertThat(
            signer.check(
                parts[0] + "." + parts[1] + "." + parts[2] + "." + otherRequest.split("\\.")[3]))
        .isInstanceOf(LinkCheck.Invalid.class);
  }

  @Test
  void givenATokenSignedWithAnotherKey_whenChecked_itIsInvalid() {
    String foreign = signer("another-signing-key-of-32-bytes-or-more", NOW).sign(LINK);

    assertThat(signer.check(foreign)).isInstanceOf(LinkCheck.Invalid.class);
  }

  @Test
  void givenGarbage_whenChecked_itIsInvalidAndNeverThrows() {
    for (String garbage :
        new String[] {null, "", "x", "a.b.c.d", "a.b.notanumber.d", "....", "%%%.%%%.1.%%%"}) {
      assertThat(signer.check(garbage))
          .as(String.valueOf(garbage))
          .isInstanceOf(LinkCheck.Invalid.class);
    }
  }

  @Test
  void aShortKeyIsRefused() {
    assertThatThrownBy(() -> signer("too-short", NOW)).isInstanceOf(IllegalArgumentException.class);
  }

  private static ApprovalLinkSigner signer(String key, Instant now) {
    return new ApprovalLinkSigner(
        key.getBytes(StandardCharsets.UTF_8), Clock.fixed(now, ZoneOffset.UTC));
  }
}
