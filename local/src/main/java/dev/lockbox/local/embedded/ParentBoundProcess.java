package dev.lockbox.local.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts a command that ends when this JVM ends, also when the JVM is killed with -9 and runs no
 * shutdown hook. A small POSIX shell sits between the JVM and the command: it holds the read end of
 * a pipe whose write end only this JVM has (the process's stdin, never written to). When the JVM
 * dies, the kernel closes that end, the shell reads end-of-file and stops the command (TERM, then
 * KILL after 10 s). The shell also forwards TERM, which is how a graceful stop reaches the command.
 *
 * <p>Where {@code setsid} exists the shell runs in a session of its own, so a Ctrl-C in the
 * terminal reaches only the JVM, which then stops the command after its worker has drained.
 */
final class ParentBoundProcess {

  /** $1: where to write the command's process id; the rest: the command. */
  static final String SCRIPT =
      """
      pid_file=$1; shift
      "$@" </dev/null &
      child=$!
      printf '%s\\n' "$child" > "$pid_file"
      trap 'kill -TERM "$child" 2>/dev/null' TERM INT HUP
      exec 3<&0
      (
        while IFS= read -r _; do :; done
        kill -TERM "$child" 2>/dev/null
        sleep 10
        kill -KILL "$child" 2>/dev/null
      ) <&3 >/dev/null 2>&1 &
      watcher=$!
      exec 3<&-
      wait "$child"; status=$?
      while kill -0 "$child" 2>/dev/null; do wait "$child"; status=$?; done
      kill "$watcher" 2>/dev/null
      exit "$status"
      """;

  private ParentBoundProcess() {}

  /** Starts the command with its output appended to {@code log}. */
  static Process start(List<String> command, Path log, Path pidFile) throws IOException {
    List<String> launcher = new ArrayList<>();
    setsid().ifPresent(setsid -> launcher.add(setsid.toString()));
    launcher.addAll(List.of("/bin/sh", "-c", SCRIPT, "lockbox-temporal", pidFile.toString()));
    launcher.addAll(command);
    Files.createDirectories(log.toAbsolutePath().getParent());
    return new ProcessBuilder(launcher)
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
        .start();
  }

  private static java.util.Optional<Path> setsid() {
    return java.util.stream.Stream.of("/usr/bin/setsid", "/bin/setsid")
        .map(Path::of)
        .filter(Files::isExecutable)
        .findFirst();
  }
}
