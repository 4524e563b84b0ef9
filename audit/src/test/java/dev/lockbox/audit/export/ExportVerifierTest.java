package dev.lockbox.audit.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.PublicKey;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An intact export verifies; every kind of tampering names the first line that fails. */
class ExportVerifierTest {

  private static final int N = 12;
  private static final AuditSigningKey KEY = AuditSigningKey.generate();
  private static final byte[] EXPORT = TestExports.export(N, KEY);
  private static final int MANIFEST_LINE = N + 1;

  @Test
  void anIntactExportVerifiesWithTheSignersPublicKey() throws IOException {
    Verification result = verify(EXPORT, KEY.publicKey());

    assertThat(result.intact()).as(result.message()).isTrue();
    assertThat(result.requests()).isEqualTo(N);
    assertThat(result.keyId()).isEqualTo(KEY.keyId());
  }

  @Test
  void anIntactExportVerifiesWithTheKeyInItsManifest_andSaysSo() throws IOException {
    Verification result = verify(EXPORT, null);

    assertThat(result.intact()).isTrue();
    assertThat(result.message()).contains("the key in the manifest");
  }

  @Test
  void theExportHasOneLinePerRequestAndAManifestLast() {
    List<String> lines = TestExports.lines(EXPORT);
    assertThat(lines).hasSize(N + 1);
    assertThat(lines.get(0))
        .startsWith(
            "{\"requestId\":\"request-0\",\"workflowId\":\"lockbox-request-0\",\"complete\":true,\"events\":[");
    assertThat(lines.get(N))
        .startsWith("{\"manifest\":{\"format\":\"lockbox-audit-export/1\"")
        .contains("\"count\":" + N);
  }

  @Test
  void oneChangedCharacter_failsAtThatLine() throws IOException {
    List<String> lines = TestExports.lines(EXPORT);
    lines.set(4, lines.get(4).replaceFirst("contoso-owner", "contoso-0wner"));

    assertBadLine(lines, 5);
  }

  @Test
  void aRemovedLine_failsWhereItWas() throws IOException {
    List<String> lines = TestExports.lines(EXPORT);
    lines.remove(2);

    assertBadLine(lines, 3);
  }

  @Test
  void theLastRequestRemoved_failsAsMissing() throws IOException {
    List<String> lines = TestExports.lines(EXPORT);
    lines.remove(N - 1);

    Verification result = assertBadLine(lines, N);
    assertThat(result.message()).contains("missing");
  }

  @Test
  void anAddedLine_failsWhereItWasAdded() throws IOException {
    List<String> lines = TestExports.lines(EXPORT);
    lines.add(6, lines.get(0));

    assertBadLine(lines, 7);
  }

  @Test
  void aLineAddedAfterTheLastRequest_failsAsNotListed() throws IOException {
    List<String> lines = TestExports.lines(EXPORT);
    lines.add(N, lines.get(0));

    Verification result = assertBadLine(lines, N + 1);
    assertThat(result.message()).contains("not listed");
  }

  @Test
  void twoLinesSwapped_failAtTheFirstOfThem() throws IOException {
    List<String> lines = TestExports.lines(EXPORT);
    Collections.swap(lines, 7, 9);

    assertBadLine(lines, 8);
  }

  @Test
  void aChangedManifest_failsItsSignature() throws IOException {
    List<String> lines = TestExports.lines(EXPORT);
    lines.set(N, lines.get(N).replace("\"count\":" + N, "\"count\":" + (N - 1)));

    Verification result = assertBadLine(lines, MANIFEST_LINE);
    assertThat(result.message()).contains("signature");
  }

  @Test
  void aManifestReSignedWithAnotherKey_failsWithTheTrustedKey() throws IOException {
    AuditSigningKey forger = AuditSigningKey.generate();
    byte[] forged = TestExports.export(N, forger);

    assertThat(verify(forged, null).intact()).isTrue();
    Verification result = verify(forged, KEY.publicKey());
    assertThat(result.intact()).isFalse();
    assertThat(result.badLine()).isEqualTo(MANIFEST_LINE);
  }

  @Test
  void aMissingManifest_failsAtTheLastLine() throws IOException {
    List<String> lines = TestExports.lines(EXPORT);
    lines.remove(N);

    Verification result = assertBadLine(lines, N);
    assertThat(result.message()).contains("not a signed Lockbox export manifest");
  }

  @Test
  void windowsLineEndings_areAChange() throws IOException {
    List<String> lines = TestExports.lines(EXPORT);
    lines.set(0, lines.get(0) + "\r");

    assertBadLine(lines, 1);
  }

  @Test
  void anEmptyFile_fails() throws IOException {
    assertThat(verify(new byte[0], null).intact()).isFalse();
  }

  private static Verification assertBadLine(List<String> lines, long expected) throws IOException {
    Verification result = verify(TestExports.join(lines), KEY.publicKey());
    assertThat(result.intact()).isFalse();
    assertThat(result.badLine()).as(result.message()).isEqualTo(expected);
    assertThat(result.message()).startsWith("line " + expected + ":");
    return result;
  }

  private static Verification verify(byte[] export, PublicKey key) throws IOException {
    return ExportVerifier.verify(new ByteArrayInputStream(export), key);
  }
}
