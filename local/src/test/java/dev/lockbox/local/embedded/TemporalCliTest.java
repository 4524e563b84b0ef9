package dev.lockbox.local.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemporalCliTest {

  @TempDir Path folder;

  @Test
  void theFirstExecutableTemporalOnThePathIsFound() throws IOException {
    Path empty = Files.createDirectory(folder.resolve("empty"));
    Path notExecutable = Files.createDirectory(folder.resolve("plain"));
    Files.writeString(notExecutable.resolve("temporal"), "");
    Path bin = Files.createDirectory(folder.resolve("bin"));
    Path cli = executable(bin.resolve("temporal"));

    String path = String.join(":", empty.toString(), notExecutable.toString(), bin.toString());

    assertThat(TemporalCli.find("", path)).contains(cli);
    assertThat(TemporalCli.find(null, empty.toString())).isEmpty();
  }

  @Test
  void aConfiguredCliWins_andOneThatIsNotExecutableStopsStartUp() throws IOException {
    Path cli = executable(folder.resolve("my-temporal"));
    Path plain = Files.writeString(folder.resolve("plain"), "");

    assertThat(TemporalCli.find(cli.toString(), "")).contains(cli);
    assertThatThrownBy(() -> TemporalCli.find(plain.toString(), ""))
        .isInstanceOf(LocalStartupException.class)
        .hasMessageContaining("not an executable file");
  }

  private static Path executable(Path file) throws IOException {
    Files.writeString(file, "#!/bin/sh\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    return file;
  }
}
