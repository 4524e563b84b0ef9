package dev.lockbox.audit.export;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/**
 * The files of an archive directory: named by the start of their slice so that names sort in time
 * order, written under a temporary name and moved into place, so a crash never leaves half a file.
 */
public final class ArchiveFiles {

  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private ArchiveFiles() {}

  /** What the next file needs to know of the last one. */
  public record Last(String file, String sha256, Instant to) {}

  public static String nameFor(Instant from) {
    return ArchiveVerifier.PREFIX + STAMP.format(from) + ArchiveVerifier.SUFFIX;
  }

  /** Writes one slice's export into the directory and returns what it wrote. */
  public static ExportSummary write(
      Path directory,
      Instant from,
      AuditExporter exporter,
      ExportScope scope,
      PreviousFile previous)
      throws IOException {
    Files.createDirectories(directory);
    Path target = directory.resolve(nameFor(from));
    Path partial = directory.resolve("." + target.getFileName() + ".partial");
    ExportSummary summary;
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(partial), 64 * 1024)) {
      summary = exporter.export(scope, previous, out);
    }
    Files.move(
        partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    return summary;
  }

  /** The newest file of the directory, if any, so a restarted job continues its chain. */
  public static Optional<Last> last(Path directory) throws IOException {
    if (!Files.isDirectory(directory)) {
      return Optional.empty();
    }
    List<Path> files = ArchiveVerifier.archiveFiles(directory);
    if (files.isEmpty()) {
      return Optional.empty();
    }
    Path file = files.get(files.size() - 1);
    var digest = Digests.sha256();
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
      in.transferTo(OutputStream.nullOutputStream());
    }
    String manifestLine = ArchiveVerifier.lastLine(file);
    var manifest = ExportVerifier.Manifest.parse(manifestLine.getBytes(StandardCharsets.UTF_8));
    return Optional.of(
        new Last(
            file.getFileName().toString(),
            Digests.HEX.formatHex(digest.digest()),
            Instant.parse(manifest.to())));
  }
}
