package dev.lockbox.workflows.archive;

import java.time.Duration;
import java.time.Instant;

/**
 * Where the archive job stands; carried from run to run by continue-as-new.
 *
 * @param nextFrom the start of the next slice to archive
 * @param period the length of a slice
 * @param delay how long after a slice ends it is archived (its requests must have finished)
 * @param previous the last file written, which the next file links to; null before the first
 */
public record ArchiveProgress(
    Instant nextFrom, Duration period, Duration delay, ArchivedFile previous) {}
