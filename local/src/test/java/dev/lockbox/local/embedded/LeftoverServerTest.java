package dev.lockbox.local.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The next start ends a dev server an earlier Lockbox left on its data directory, and no other. */
class LeftoverServerTest {

  @TempDir Path folder;
  private Process stranger;

  @AfterEach
  void cleanUp() {
    if (stranger != null) {
      stranger.destroyForcibly();
    }
  }

  @Test
  void aServerOnThisDatabaseIsEnded_andThePidFileRemoved() throws IOException {
    Path database = folder.resolve("temporal.sqlite");
    stranger = lookalike(database.toString());
    Path pidFile = Files.writeString(folder.resolve("pid"), Long.toString(stranger.pid()));

    LeftoverServer.stop(pidFile, database);

    assertThat(stranger.isAlive()).isFalse();
    assertThat(pidFile).doesNotExist();
  }

  @Test
  void aProcessThatReusedThePid_butRunsSomethingElse_isLeftAlone() throws IOException {
    stranger = lookalike(folder.resolve("another.sqlite").toString());
    Path pidFile = Files.writeString(folder.resolve("pid"), Long.toString(stranger.pid()));

    LeftoverServer.stop(pidFile, folder.resolve("temporal.sqlite"));

    assertThat(stranger.isAlive()).isTrue();
    assertThat(pidFile).doesNotExist();
  }

  /** A process whose command line reads like a dev server's on that database file. */
  private static Process lookalike(String database) throws IOException {
    return new ProcessBuilder(
            "sh", "-c", "sleep 300", "server", "start-dev", "--db-filename", database)
        .start();
  }
}
