package dev.lockbox.local.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shell between the JVM and the dev server: its stdin pipe closing (what the kernel does when
 * the JVM dies, even of kill -9) or a TERM ends the command.
 */
class ParentBoundProcessTest {

  @TempDir Path folder;
  private Process shell;

  @AfterEach
  void cleanUp() throws IOException {
    commandPid().flatMap(ProcessHandle::of).ifPresent(ProcessHandle::destroyForcibly);
    if (shell != null) {
      shell.destroyForcibly();
    }
  }

  @Test
  void whenTheJvmsEndOfThePipeCloses_theCommandEnds() throws IOException {
    shell = ParentBoundProcess.start(List.of("sleep", "300"), folder.resolve("log"), pidFile());
    long command = awaitCommand();

    shell.getOutputStream().close();

    await().atMost(Duration.ofSeconds(20)).until(() -> !alive(command));
    await().atMost(Duration.ofSeconds(20)).until(() -> !shell.isAlive());
  }

  @Test
  void aTermToTheShell_endsTheCommand_andTheShellWithItsExitCode() throws IOException {
    shell = ParentBoundProcess.start(List.of("sleep", "300"), folder.resolve("log"), pidFile());
    long command = awaitCommand();

    shell.destroy();

    await().atMost(Duration.ofSeconds(20)).until(() -> !alive(command));
    await().atMost(Duration.ofSeconds(20)).until(() -> !shell.isAlive());
    assertThat(shell.exitValue()).as("sleep's exit code after TERM").isEqualTo(143);
  }

  @Test
  void aCommandThatEndsByItself_endsTheShell() throws IOException {
    shell =
        ParentBoundProcess.start(
            List.of("sh", "-c", "echo started; exit 3"), folder.resolve("log"), pidFile());

    await().atMost(Duration.ofSeconds(20)).until(() -> !shell.isAlive());
    assertThat(shell.exitValue()).isEqualTo(3);
    assertThat(Files.readString(folder.resolve("log"))).contains("started");
  }

  private Path pidFile() {
    return folder.resolve("pid");
  }

  private long awaitCommand() {
    return await()
        .atMost(Duration.ofSeconds(20))
        .until(this::commandPid, java.util.Optional::isPresent)
        .orElseThrow();
  }

  private java.util.Optional<Long> commandPid() throws IOException {
    if (!Files.exists(pidFile())) {
      return java.util.Optional.empty();
    }
    String text = Files.readString(pidFile()).trim();
    return text.isEmpty()
        ? java.util.Optional.empty()
        : java.util.Optional.of(Long.parseLong(text));
  }

  private static boolean alive(long pid) {
    return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }
}
