package dev.lockbox.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Dockerfile, checked without a container engine: pinned bases, non-root, production jars only.
 */
class DockerfileTest {

  private static final Pattern FROM =
      Pattern.compile("FROM\\s+(\\S+)(?:\\s+AS\\s+(\\S+))?", Pattern.CASE_INSENSITIVE);
  private static final Pattern PINNED =
      Pattern.compile("[a-z0-9./_-]+:[A-Za-z0-9._-]*\\d+\\.\\d+[A-Za-z0-9._-]*");

  private final Map<String, Stage> stages = stages(RepositoryFiles.read("Dockerfile"));

  /** One build stage: what it starts from and its instructions. */
  record Stage(String from, List<String> instructions) {}

  @Test
  void theWorkerAndApiImagesAreStagesOfTheDockerfile() {
    assertThat(stages).containsKeys("build", "worker", "api");
  }

  @Test
  void everyBaseImageIsPinnedToAVersion() {
    stages.values().stream()
        .map(Stage::from)
        .filter(from -> !stages.containsKey(from))
        .forEach(
            image -> assertThat(image).as("base image").matches(PINNED).doesNotEndWith(":latest"));
  }

  @Test
  void theShippedImagesRunAsAnUnprivilegedUser() {
    for (String image : List.of("worker", "api")) {
      String user = effectiveUser(image);
      assertThat(user)
          .as("USER of %s", image)
          .isNotNull()
          .doesNotStartWith("root")
          .doesNotStartWith("0");
    }
  }

  @Test
  void eachImageCopiesOnlyItsOwnExecutableJar_andNothingOfTheEmbeddedTestServer() {
    for (String image : List.of("worker", "api")) {
      List<String> copies =
          stages.get(image).instructions().stream().filter(i -> i.startsWith("COPY")).toList();
      assertThat(copies)
          .as(image)
          .singleElement()
          .asString()
          .contains("--from=build")
          .contains(image + "/target/lockbox-" + image + "-*-exec.jar");
    }
    stages.values().stream()
        .flatMap(s -> s.instructions().stream())
        .forEach(
            instruction ->
                assertThat(instruction)
                    .doesNotContain(
                        "lockbox-local", "test-server", "lockbox.jar", "temporal-testing"));
  }

  @Test
  void theBuildCompilesOnlyTheProductionModules() {
    assertThat(stages.get("build").instructions())
        .anySatisfy(
            i -> assertThat(i).startsWith("RUN").contains("mvn").contains("-pl worker,api -am"));
  }

  private String effectiveUser(String stage) {
    String user = null;
    for (String name = stage; stages.containsKey(name); name = stages.get(name).from()) {
      List<String> instructions = stages.get(name).instructions();
      for (int i = instructions.size() - 1; i >= 0 && user == null; i--) {
        if (instructions.get(i).startsWith("USER ")) {
          user = instructions.get(i).substring("USER ".length()).trim();
        }
      }
      if (user != null) {
        return user;
      }
    }
    return null;
  }

  /** Instructions by stage, with comments dropped and continuation lines joined. */
  static Map<String, Stage> stages(String dockerfile) {
    Map<String, Stage> stages = new LinkedHashMap<>();
    List<String> current = null;
    String joined = dockerfile.replaceAll("(?m)^\\s*#.*\\n", "").replaceAll("\\\\\\n", " ");
    for (String line : joined.split("\\n")) {
      String instruction = line.trim();
      if (instruction.isEmpty()) {
        continue;
      }
      Matcher from = FROM.matcher(instruction);
      if (from.matches()) {
        current = new ArrayList<>();
        String name = from.group(2) == null ? "stage" + stages.size() : from.group(2);
        stages.put(name, new Stage(from.group(1), current));
      } else if (current != null) {
        current.add(instruction);
      }
    }
    return stages;
  }
}
