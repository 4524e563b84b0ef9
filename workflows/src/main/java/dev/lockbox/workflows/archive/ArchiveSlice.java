package dev.lockbox.workflows.archive;

import java.time.Instant;

/** The requests created in [from, to) go into one file that links to {@code previous}. */
public record ArchiveSlice(Instant from, Instant to, ArchivedFile previous) {}
