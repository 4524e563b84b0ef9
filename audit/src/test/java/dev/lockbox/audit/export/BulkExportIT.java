package dev.lockbox.audit.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bulk export of 5,000 requests in a JVM with a 64 MB heap: the export streams (one line in
 * memory at a time) and so does the verification. The histories are the nine recorded ones served
 * again and again through the test seam, so this measures the export pipeline (derivation,
 * serialisation, hashing, signing, writing) and the verifier, not Temporal's fetch.
 */
class BulkExportIT {

  private static final int REQUESTS = 5_000;
  private static final String HEAP = "-Xmx64m";

  @Test
  void anExportOf5000RequestsStreamsInA64MbHeapAndVerifies(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("export.ndjson");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process probe =
        new ProcessBuilder(
                List.of(
                    java,
                    HEAP,
                    "-cp",
                    System.getProperty("java.class.path"),
                    BulkExportProbe.class.getName(),
                    file.toString(),
                    String.valueOf(REQUESTS)))
            .redirectErrorStream(true)
            .start();
    String output;
    try (InputStream in = probe.getInputStream()) {
      output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertThat(probe.waitFor(5, TimeUnit.MINUTES)).isTrue();
    System.out.println(
        "BulkExportIT: "
            + output.lines().filter(l -> l.startsWith("requests=")).findFirst().orElse(output));

    assertThat(probe.exitValue()).as(output).isZero();
    assertThat(output)
        .contains("requests=" + REQUESTS)
        .contains("maxHeapMb=")
        .contains("intact=true");
    // Checked again here, outside the small heap, so the probe cannot pass by mistake.
    try (InputStream in = Files.newInputStream(file)) {
      Verification verification = ExportVerifier.verify(in, null);
      assertThat(verification.intact()).as(verification.message()).isTrue();
      assertThat(verification.requests()).isEqualTo(REQUESTS);
    }
    assertThat(Files.size(file)).isGreaterThan(REQUESTS * 10_000L);
  }
}
