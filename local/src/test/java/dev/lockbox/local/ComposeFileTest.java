package dev.lockbox.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lockbox.local.embedded.DevServerOptions;
import dev.lockbox.workflows.LockboxSearchAttributes;
import io.temporal.common.SearchAttributeKey;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * What can be checked of docker-compose.yml without a container engine: the services, pinned
 * images, that every variable handed to api and worker is one they read, the search attributes,
 * health checks and start order.
 */
class ComposeFileTest {

  static final Set<String> SERVICES =
      Set.of(
          "postgres",
          "temporal-schema",
          "temporal",
          "temporal-setup",
          "temporal-ui",
          "worker",
          "api");

  private static final Pattern PINNED_IMAGE =
      Pattern.compile("[a-z0-9./_-]+:(?<tag>[A-Za-z0-9._-]+)");
  private static final Pattern DAYS = Pattern.compile(":-(\\d+)d}");

  private final Map<String, Map<String, Object>> services = services();

  @Test
  void everyPartOfTheClusterIsAService() {
    assertThat(services).containsOnlyKeys(SERVICES);
  }

  @Test
  void everyImageNamesAVersion_andOurOwnAreBuiltFromThisRepository() {
    services.forEach(
        (name, service) -> {
          if (name.equals("api") || name.equals("worker")) {
            assertThat(map(service.get("build")))
                .as(name)
                .containsEntry("context", ".")
                .containsEntry("target", name);
            return;
          }
          String image = (String) service.get("image");
          Matcher pinned = PINNED_IMAGE.matcher(image == null ? "" : image);
          assertThat(pinned.matches())
              .as("%s names its image with a tag: %s", name, image)
              .isTrue();
          assertThat(pinned.group("tag"))
              .as(name)
              .isNotEqualTo("latest")
              .containsPattern("\\d+\\.\\d+");
        });
  }

  @Test
  void everyVariableGivenToApiAndWorkerIsOneTheyRead() {
    for (String deployable : List.of("api", "worker")) {
      Set<String> given = environment(deployable).keySet();
      Set<String> unread = EnvironmentVariables.readBy(deployable).unread(given);
      assertThat(unread).as("variables %s is given but never reads", deployable).isEmpty();
    }
  }

  @Test
  void theSearchAttributesRegisteredAreExactlyThoseTheCodeSets() {
    String registered = (String) environment("temporal-setup").get("LOCKBOX_SEARCH_ATTRIBUTES");
    Map<String, String> compose = new LinkedHashMap<>();
    for (String pair : registered.trim().split("\\s+")) {
      String[] nameAndType = pair.split("=");
      compose.put(nameAndType[0], nameAndType[1]);
    }

    Map<String, String> code =
        LockboxSearchAttributes.ALL.stream()
            .collect(
                Collectors.toMap(
                    SearchAttributeKey::getName,
                    ComposeFileTest::cliType,
                    (a, b) -> a,
                    LinkedHashMap::new));
    assertThat(compose).isEqualTo(code);
  }

  @Test
  void theNamespaceKeepsHistoriesAtLeast30DaysByDefault() {
    String retention = (String) environment("temporal-setup").get("NAMESPACE_RETENTION");
    Matcher days = DAYS.matcher(retention);
    assertThat(days.find()).as("a default in days: %s", retention).isTrue();
    assertThat(Integer.parseInt(days.group(1))).isGreaterThanOrEqualTo(30);
  }

  @Test
  void longRunningServicesHaveHealthChecks_andEveryDependencyWaitsForHealthOrCompletion() {
    for (String name : List.of("postgres", "temporal", "worker", "api")) {
      assertThat(map(services.get(name).get("healthcheck"))).as(name).containsKey("test");
    }
    services.forEach(
        (name, service) ->
            map(service.getOrDefault("depends_on", Map.of()))
                .forEach(
                    (dependency, how) -> {
                      Object condition = map(how).get("condition");
                      assertThat(condition)
                          .as("%s -> %s", name, dependency)
                          .isIn("service_healthy", "service_completed_successfully");
                      if (condition.equals("service_healthy")) {
                        assertThat(services.get(dependency))
                            .as(dependency + " has a health check")
                            .containsKey("healthcheck");
                      }
                    }));
    for (String app : List.of("api", "worker")) {
      assertThat(map(services.get(app).get("depends_on")))
          .as("%s starts once the namespace and its search attributes exist", app)
          .containsEntry("temporal-setup", Map.of("condition", "service_completed_successfully"))
          .containsEntry("postgres", Map.of("condition", "service_healthy"));
    }
  }

  @Test
  void theWebUiAndTheFrontendArePublishedOnThisMachineOnly() {
    for (String name : List.of("temporal-ui", "temporal")) {
      @SuppressWarnings("unchecked")
      List<Object> ports = (List<Object>) services.get(name).get("ports");
      assertThat(ports).as(name).isNotEmpty();
      assertThat(ports).as(name).allSatisfy(p -> assertThat(p.toString()).startsWith("127.0.0.1:"));
    }
  }

  @Test
  void theWorkerScales_noFixedNameAndNoPublishedPort() {
    assertThat(services.get("worker")).doesNotContainKeys("container_name", "ports");
  }

  @Test
  void apiAndWorkerUseTheClusterAndPostgres_notTheEmbeddedDefaults() {
    for (String app : List.of("api", "worker")) {
      Map<String, Object> env = environment(app);
      assertThat(env).containsEntry("TEMPORAL_ADDRESS", "temporal:7233");
      assertThat((String) env.get("SPRING_DATASOURCE_URL"))
          .startsWith("jdbc:postgresql://postgres:5432/lockbox");
    }
  }

  @Test
  void postgresCreatesTheDatabasesTemporalAndTheReadModelUse() {
    String init = RepositoryFiles.read("docker/postgres/create-databases.sh");
    Map<String, Object> api = environment("api");
    String database = ((String) api.get("SPRING_DATASOURCE_URL")).replaceAll(".*/", "");
    String role = (String) api.get("SPRING_DATASOURCE_USERNAME");

    assertThat(init)
        .contains("CREATE DATABASE temporal;", "CREATE DATABASE temporal_visibility;")
        .contains("CREATE ROLE " + role + " LOGIN")
        .contains("CREATE DATABASE " + database + " OWNER " + role + ";");
    // Otherwise the image would create a database named after the user before the script runs.
    assertThat(environment("postgres")).containsEntry("POSTGRES_DB", "postgres");
  }

  @Test
  void theScriptsAndConfigurationTheServicesMountExist() {
    services.forEach(
        (name, service) -> {
          for (Object volume : (List<?>) service.getOrDefault("volumes", List.of())) {
            String source = volume.toString().split(":")[0];
            if (source.startsWith("./")) {
              assertThat(RepositoryFiles.root().resolve(source.substring(2))).as(name).exists();
            }
          }
        });
  }

  /** The temporal CLI's name for a type, as lockbox.jar passes it to the dev server. */
  static String cliType(SearchAttributeKey<?> key) {
    return DevServerOptions.cliType(key);
  }

  private Map<String, Object> environment(String service) {
    return map(services.get(service).get("environment"));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return value == null ? Map.of() : (Map<String, Object>) value;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Map<String, Object>> services() {
    Map<String, Object> compose = new Yaml().load(RepositoryFiles.read("docker-compose.yml"));
    return (Map<String, Map<String, Object>>) compose.get("services");
  }
}
