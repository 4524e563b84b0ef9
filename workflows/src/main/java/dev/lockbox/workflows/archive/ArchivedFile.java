package dev.lockbox.workflows.archive;

import java.time.Instant;

/** One archive file as written: its name, the SHA-256 of its bytes, what it covers. */
public record ArchivedFile(String file, String sha256, long requests, Instant from, Instant to) {}
