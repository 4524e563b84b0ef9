package dev.lockbox.local.embedded;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The durable mode's data directory ({@code LOCKBOX_DATA_DIR}), held by one Lockbox at a time: two
 * processes on one SQLite file and one H2 file would corrupt both. The lock is an OS file lock, so
 * a Lockbox killed with -9 releases it with its death.
 *
 * <pre>
 * temporal.sqlite         Temporal's state: workflows, histories, timers, visibility
 * temporal-server.log     the dev server's own log
 * temporal-server.pid     the running dev server's process id
 * read-model.mv.db        the read model (H2)
 * lockbox.lock            held while a Lockbox uses the directory
 * </pre>
 */
final class DataDirectory implements AutoCloseable {

  private final Path root;
  private final FileChannel channel;
  private final FileLock lock;

  private DataDirectory(Path root, FileChannel channel, FileLock lock) {
    this.root = root;
    this.channel = channel;
    this.lock = lock;
  }

  static DataDirectory open(Path directory) {
    Path root = directory.toAbsolutePath().normalize();
    FileChannel channel = null;
    try {
      Files.createDirectories(root);
      channel =
          FileChannel.open(
              root.resolve("lockbox.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock = channel.tryLock();
      if (lock == null) {
        throw inUse(root);
      }
      return new DataDirectory(root, channel, lock);
    } catch (OverlappingFileLockException sameJvm) {
      closeQuietly(channel);
      throw inUse(root);
    } catch (IOException e) {
      closeQuietly(channel);
      throw new LocalStartupException(
          "Cannot use the data directory " + root + ": " + e.getMessage(),
          "Make it writable, or choose another with LOCKBOX_DATA_DIR.",
          e);
    } catch (LocalStartupException e) {
      closeQuietly(channel);
      throw e;
    }
  }

  private static LocalStartupException inUse(Path root) {
    return new LocalStartupException(
        "Another Lockbox is running on the data directory " + root,
        "Stop that Lockbox first, or give this one its own directory with LOCKBOX_DATA_DIR.");
  }

  Path root() {
    return root;
  }

  Path temporalDatabase() {
    return root.resolve("temporal.sqlite");
  }

  Path temporalLog() {
    return root.resolve("temporal-server.log");
  }

  Path temporalPidFile() {
    return root.resolve("temporal-server.pid");
  }

  /**
   * The read model's H2 file. H2 must not close it from its own shutdown hook: Spring closes the
   * pool after the worker has written its last state.
   */
  String readModelUrl() {
    return "jdbc:h2:file:" + root.resolve("read-model") + ";DB_CLOSE_ON_EXIT=FALSE";
  }

  @Override
  public void close() {
    try {
      lock.release();
    } catch (IOException ignored) {
      // Closing the channel below releases it as well.
    }
    closeQuietly(channel);
  }

  private static void closeQuietly(FileChannel channel) {
    if (channel == null) {
      return;
    }
    try {
      channel.close();
    } catch (IOException ignored) {
      // Nothing left to release.
    }
  }
}
