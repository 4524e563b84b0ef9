package dev.lockbox.workflows.archive;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** Writes archive files. Idempotent by slice: a retry rewrites the same file name. */
@ActivityInterface
public interface ArchiveActivities {

  @ActivityMethod
  ArchivedFile archiveSlice(ArchiveSlice slice);
}
