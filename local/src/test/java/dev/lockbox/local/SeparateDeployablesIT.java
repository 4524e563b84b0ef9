package dev.lockbox.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.lockbox.api.ApiApplication;
import dev.lockbox.worker.WorkerApplication;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * The cluster shape: the api and the worker as two separate applications that share nothing but a
 * Temporal server (given by address and namespace, as TEMPORAL_ADDRESS and TEMPORAL_NAMESPACE
 * would) and the read model's database.
 */
@Timeout(120)
class SeparateDeployablesIT {

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void theApiStartsRequestsThatASeparateWorkerRuns() throws Exception {
    String database =
        "--spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    String temporal = "--lockbox.temporal.address=" + TestTemporal.shared().address();
    String namespace =
        "--lockbox.temporal.namespace=" + TestTemporal.newNamespace("separatedeployablesit");
    try (ConfigurableApplicationContext worker =
            new SpringApplicationBuilder(WorkerApplication.class)
                .web(WebApplicationType.NONE)
                .run(temporal, namespace, database);
        ConfigurableApplicationContext api =
            new SpringApplicationBuilder(ApiApplication.class)
                .run(temporal, namespace, database, "--server.port=0")) {
      assertThat(api.containsBean("lockboxWorker")).isFalse();
      assertThat(worker.containsBean("lockboxWorker")).isTrue();
      String base =
          "http://localhost:" + ((WebServerApplicationContext) api).getWebServer().getPort();

      JsonNode created = post(base + "/api/lockbox-requests", "engineer1", LockboxApiIT.DEMO);
      // A worker that has not taken the request up within the call deadline answers EVALUATING.
      assertThat(created.path("status").asString()).isIn("PENDING", "EVALUATING");
      String id = created.path("id").asString();
      await()
          .atMost(Duration.ofSeconds(20))
          .until(
              () ->
                  get(base + "/api/lockbox-requests/" + id, "engineer1").path("status").asString(),
              "PENDING"::equals);
      JsonNode approved =
          post(base + "/api/lockbox-requests/" + id + "/approve", "contoso-owner", "{}");

      assertThat(approved.path("status").asString()).isEqualTo("ACCESS_GRANTED");
      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(
              () ->
                  assertThat(
                          get(base + "/api/lockbox-requests?status=ACCESS_GRANTED", "auditor")
                              .toString())
                      .contains(id));
    }
  }

  private JsonNode post(String url, String user, String json) throws Exception {
    return send(
        HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)),
        user);
  }

  private JsonNode get(String url, String user) throws Exception {
    return send(HttpRequest.newBuilder(URI.create(url)).GET(), user);
  }

  private JsonNode send(HttpRequest.Builder request, String user) throws Exception {
    String token =
        Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> response =
        http.send(
            request.header("Authorization", "Basic " + token).build(),
            HttpResponse.BodyHandlers.ofString());
    return RunningLockbox.JSON.readTree(response.body());
  }
}
