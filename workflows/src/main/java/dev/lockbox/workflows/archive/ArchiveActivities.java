package dev.lockbox.workflows.archive;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** Writes archive files. Idempotent by slice: a retry rewrites the same file name. */
@ActivityInterface
public interface ArchiveActivities {

  // Activity types are on the wire, in every history: declared once, here.
  String ARCHIVE_SLICE = "ArchiveSlice";

  @ActivityMethod(name = ARCHIVE_SLICE)
  ArchivedFile archiveSlice(ArchiveSlice slice);
}
