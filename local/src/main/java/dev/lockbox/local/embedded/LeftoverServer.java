package dev.lockbox.local.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A dev server that an earlier Lockbox on the same data directory left running. After a kill -9 the
 * server's shell stops it within seconds (see {@link ParentBoundProcess}); a Lockbox started again
 * at once would find its ports and database still held. Because this Lockbox holds the data
 * directory's lock, no other Lockbox owns that server, so it is safe to wait for it and then end
 * it.
 */
final class LeftoverServer {

  static final Duration WAIT = Duration.ofSeconds(15);

  private static final Logger log = LoggerFactory.getLogger(LeftoverServer.class);

  private LeftoverServer() {}

  /** Ends the server named in the pid file if it still runs on this database. */
  static void stop(Path pidFile, Path database) {
    Optional<ProcessHandle> leftover = running(pidFile, database);
    if (leftover.isPresent()) {
      ProcessHandle server = leftover.get();
      log.warn(
          "A Temporal dev server left by an earlier Lockbox (pid {}) still runs on {}; stopping it",
          server.pid(),
          database);
      server.destroy();
      if (!ended(server, WAIT)) {
        server.destroyForcibly();
        ended(server, Duration.ofSeconds(5));
      }
    }
    try {
      Files.deleteIfExists(pidFile);
    } catch (IOException e) {
      throw new LocalStartupException(
          "Cannot remove " + pidFile + ": " + e.getMessage(), "Make the data directory writable.");
    }
  }

  /** The process only if it is a dev server on this database: pids are reused. */
  static Optional<ProcessHandle> running(Path pidFile, Path database) {
    try {
      long pid = Long.parseLong(Files.readString(pidFile).trim());
      return ProcessHandle.of(pid)
          .filter(ProcessHandle::isAlive)
          .filter(
              p ->
                  p.info()
                      .commandLine()
                      .map(line -> line.contains("start-dev") && line.contains(database.toString()))
                      .orElse(false));
    } catch (IOException | NumberFormatException noneRecorded) {
      return Optional.empty();
    }
  }

  private static boolean ended(ProcessHandle process, Duration wait) {
    try {
      process.onExit().get(wait.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (TimeoutException e) {
      return false;
    } catch (ExecutionException e) {
      return !process.isAlive();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return !process.isAlive();
    }
  }
}
