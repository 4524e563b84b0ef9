package dev.lockbox.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * The jars the Dockerfile ships, as the reactor just built them: exactly one executable jar per
 * deployable matches the Dockerfile's COPY pattern, and neither carries the Temporal test server.
 * An IT because it needs the package phase of api and worker.
 */
class ProductionJarsIT {

  @Test
  void theWorkerAndApiExecutableJarsContainNoTestServer() throws IOException {
    for (String module : List.of("worker", "api")) {
      Path jar =
          onlyMatch(
              RepositoryFiles.root().resolve(module).resolve("target"),
              "lockbox-" + module + "-*-exec.jar");
      List<String> libraries = new ArrayList<>();
      try (JarFile file = new JarFile(jar.toFile())) {
        file.stream()
            .map(entry -> entry.getName())
            .filter(name -> name.startsWith("BOOT-INF/lib/"))
            .forEach(libraries::add);
      }
      assertThat(libraries).as(module).anyMatch(lib -> lib.contains("temporal-sdk"));
      assertThat(libraries)
          .as(module)
          .noneMatch(
              lib -> lib.contains("temporal-test-server") || lib.contains("temporal-testing"));
    }
  }

  private static Path onlyMatch(Path folder, String glob) throws IOException {
    List<Path> matches = new ArrayList<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, glob)) {
      files.forEach(matches::add);
    }
    assertThat(matches)
        .as("%s in %s (run the reactor's package phase first)", glob, folder)
        .hasSize(1);
    return matches.get(0);
  }
}
