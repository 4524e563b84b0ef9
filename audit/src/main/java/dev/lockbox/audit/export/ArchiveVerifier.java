package dev.lockbox.audit.export;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.PublicKey;
import java.util.List;
import java.util.stream.Stream;

/**
 * Checks an archive directory: every file on its own, then the links between them. Each file's
 * signed manifest names the previous file and its SHA-256, so a missing, changed or swapped file
 * breaks the chain of files at that point.
 */
public final class ArchiveVerifier {

  public static final String PREFIX = "lockbox-audit-";
  public static final String SUFFIX = ".ndjson";

  private ArchiveVerifier() {}

  public static List<Path> archiveFiles(Path directory) throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      return files
          .filter(
              f ->
                  f.getFileName().toString().startsWith(PREFIX)
                      && f.getFileName().toString().endsWith(SUFFIX))
          .sorted()
          .toList();
    }
  }

  public static Verification verify(Path directory, PublicKey trusted) throws IOException {
    List<Path> files = archiveFiles(directory);
    if (files.isEmpty()) {
      return Verification.bad("no " + PREFIX + "*" + SUFFIX + " files in " + directory);
    }
    String previousName = null;
    String previousHash = null;
    long requests = 0;
    String keyId = null;
    for (Path file : files) {
      Verification one;
      var digest = Digests.sha256();
      try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
        one = ExportVerifier.verify(in, trusted);
      }
      String name = file.getFileName().toString();
      if (!one.intact()) {
        return new Verification(false, one.badLine(), name + ": " + one.message(), requests, keyId);
      }
      if (previousName != null) {
        String link = linkOf(file);
        String expected = previousName + " " + previousHash;
        if (!expected.equals(link)) {
          return Verification.bad(
              name
                  + ": links to "
                  + link
                  + " but the file before it is "
                  + expected
                  + ": a file is missing or changed");
        }
      }
      previousName = name;
      previousHash = Digests.HEX.formatHex(digest.digest());
      requests += one.requests();
      keyId = one.keyId();
    }
    return Verification.ok(
        requests,
        keyId,
        "intact: "
            + files.size()
            + " archive files, "
            + requests
            + " requests, each linked to the one before");
  }

  /** "file sha256" of the previous file named in this file's manifest, or "none". */
  private static String linkOf(Path file) throws IOException {
    String last = lastLine(file);
    var previous =
        ExportVerifier.Manifest.parse(last.getBytes(java.nio.charset.StandardCharsets.UTF_8))
            .previous();
    return previous.isObject()
        ? previous.path("file").asText() + " " + previous.path("sha256").asText()
        : "none";
  }

  static String lastLine(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      LineReader lines = new LineReader(in);
      byte[] last = null;
      for (byte[] line = lines.next(); line != null; line = lines.next()) {
        last = line;
      }
      return last == null ? "" : new String(last, java.nio.charset.StandardCharsets.UTF_8);
    }
  }
}
