package dev.lockbox.audit.export;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Run in a JVM of its own with a small heap by {@link BulkExportIT}: writes an export of N requests
 * to a file through the writer, then verifies it, and prints what it measured.
 */
public final class BulkExportProbe {

  private BulkExportProbe() {}

  public static void main(String[] args) throws Exception {
    Path file = Path.of(args[0]);
    int requests = Integer.parseInt(args[1]);
    AuditSigningKey key = AuditSigningKey.generate();

    long start = System.nanoTime();
    ExportSummary summary;
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 64 * 1024)) {
      summary = TestExports.write(requests, key, out);
    }
    long exported = System.nanoTime();
    Verification verification;
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
      verification = ExportVerifier.verify(in, key.publicKey());
    }
    long verified = System.nanoTime();

    System.out.printf(
        "requests=%d bytes=%d exportMs=%d verifyMs=%d maxHeapMb=%d peakHeapMb=%d intact=%s%n",
        summary.count(),
        Files.size(file),
        (exported - start) / 1_000_000,
        (verified - exported) / 1_000_000,
        Runtime.getRuntime().maxMemory() / (1024 * 1024),
        peakHeapBytes() / (1024 * 1024),
        verification.intact());
    System.exit(verification.intact() ? 0 : 1);
  }

  private static long peakHeapBytes() {
    return ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(pool -> pool.getType() == MemoryType.HEAP)
        .map(MemoryPoolMXBean::getPeakUsage)
        .mapToLong(usage -> usage.getUsed())
        .sum();
  }
}
