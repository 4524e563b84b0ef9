package dev.lockbox.activities.archive;

import dev.lockbox.audit.AuditSettings;
import dev.lockbox.audit.export.ArchiveFiles;
import dev.lockbox.audit.export.AuditExporter;
import dev.lockbox.audit.export.ExportScope;
import dev.lockbox.audit.export.ExportSummary;
import dev.lockbox.audit.export.PreviousFile;
import dev.lockbox.workflows.archive.ArchiveActivities;
import dev.lockbox.workflows.archive.ArchiveSlice;
import dev.lockbox.workflows.archive.ArchivedFile;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes one slice of the archive with the same exporter as the API and the command line. */
public class ArchiveActivitiesImpl implements ArchiveActivities {

  private static final Logger log = LoggerFactory.getLogger(ArchiveActivitiesImpl.class);

  private final AuditExporter exporter;
  private final AuditSettings.Archive settings;

  public ArchiveActivitiesImpl(AuditExporter exporter, AuditSettings settings) {
    this.exporter = exporter;
    this.settings = settings.archive();
  }

  @Override
  public ArchivedFile archiveSlice(ArchiveSlice slice) {
    if (!settings.enabled()) {
      throw ApplicationFailure.newNonRetryableFailure(
          "lockbox.audit.archive.directory is not set on this worker", "ArchiveNotConfigured");
    }
    Path directory = settings.directory();
    PreviousFile previous =
        slice.previous() == null
            ? null
            : new PreviousFile(slice.previous().file(), slice.previous().sha256());
    try {
      ExportSummary summary =
          ArchiveFiles.write(
              directory,
              slice.from(),
              exporter,
              new ExportScope(slice.from(), slice.to(), null),
              previous);
      String name = ArchiveFiles.nameFor(slice.from());
      log.info(
          "Archived {} requests created in [{}, {}) to {}",
          summary.count(),
          slice.from(),
          slice.to(),
          directory.resolve(name));
      return new ArchivedFile(
          name, summary.fileSha256(), summary.count(), slice.from(), slice.to());
    } catch (IOException e) {
      // Retried by the workflow until an operator fixes the directory.
      throw new UncheckedIOException("could not write the archive to " + directory, e);
    }
  }
}
