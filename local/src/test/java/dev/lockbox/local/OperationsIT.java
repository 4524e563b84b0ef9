package dev.lockbox.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.lockbox.local.LockboxHttp.Response;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/** What operators use, over real HTTP: health, Prometheus metrics, the OpenAPI description. */
@Timeout(120)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OperationsIT {

  private RunningLockbox lockbox;

  @BeforeAll
  void start() {
    lockbox = new RunningLockbox();
  }

  @AfterAll
  void stop() {
    lockbox.close();
  }

  @Test
  void healthIsUpForEveryone_andItsComponentsShowOnlyToOperatorsAndAuditors() {
    Response anonymous = lockbox.get(null, "/actuator/health");
    Response engineer = lockbox.get("engineer1", "/actuator/health");

    assertThat(anonymous.status()).isEqualTo(200);
    assertThat(anonymous.text("status")).isEqualTo("UP");
    assertThat(anonymous.json().has("components")).isFalse();
    assertThat(engineer.json().has("components")).isFalse();
    for (String user : new String[] {"operator", "auditor"}) {
      JsonNode components = lockbox.get(user, "/actuator/health").json().path("components");
      assertThat(components.path("temporal").path("status").asString()).as(user).isEqualTo("UP");
      assertThat(components.path("db").path("status").asString()).as(user).isEqualTo("UP");
    }
  }

  @Test
  void prometheusShowsTemporalAndLockboxMetrics_toOperatorsOnly() {
    Response created = lockbox.postJson("engineer1", "/api/lockbox-requests", LockboxApiIT.DEMO);
    assertThat(created.status()).isEqualTo(201);
    assertThat(
            lockbox
                .postJson(
                    "contoso-owner", "/api/lockbox-requests/" + created.text("id") + "/deny", "{}")
                .status())
        .isEqualTo(200);

    assertThat(lockbox.get(null, "/actuator/prometheus").status()).isEqualTo(401);
    assertThat(lockbox.get("auditor", "/actuator/prometheus").status()).isEqualTo(403);
    // The SDK hands its metrics to Micrometer every few seconds.
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofSeconds(1))
        .untilAsserted(
            () -> {
              String metrics = lockbox.get("operator", "/actuator/prometheus").body();
              assertThat(metrics)
                  .contains("temporal_request_total", "temporal_workflow_completed_total")
                  .contains("lockbox_grants_active", "lockbox_emails_failed_total");
              assertThat(value(metrics, "lockbox_requests_total{status=\"DENIED\"}"))
                  .isGreaterThanOrEqualTo(1.0);
              assertThat(value(metrics, "lockbox_decision_time_seconds_count{decision=\"DENY\"}"))
                  .isGreaterThanOrEqualTo(1.0);
            });
  }

  @Test
  void everyEndpointUnderApiIsInTheOpenApiDescription() {
    Set<String> endpoints = apiEndpoints();
    JsonNode paths = lockbox.get(null, "/v3/api-docs").json().path("paths");
    Set<String> described = new TreeSet<>();
    paths
        .properties()
        .forEach(
            path ->
                path.getValue()
                    .properties()
                    .forEach(
                        method ->
                            described.add(method.getKey().toUpperCase() + " " + path.getKey())));

    assertThat(endpoints)
        .as("the controllers' endpoints")
        .isNotEmpty()
        .contains("POST /api/lockbox-requests");
    assertThat(described).as("described in /v3/api-docs").containsAll(endpoints);
  }

  @Test
  void swaggerUiIsServedWithoutSigningIn() {
    assertThat(lockbox.get(null, "/swagger-ui/index.html").status()).isEqualTo(200);
  }

  @Test
  void everyResponseCarriesARequestId_keepingAPlainOneTheCallerSent() {
    Response fresh = lockbox.get("auditor", "/api/lockbox-requests");
    Response kept = withRequestId("support-case-42");
    Response forged = withRequestId("x\tINFO fake log line");

    assertThat(fresh.header("X-Request-Id")).isNotBlank();
    assertThat(kept.header("X-Request-Id")).isEqualTo("support-case-42");
    assertThat(forged.header("X-Request-Id")).doesNotContain("fake").isNotBlank();
  }

  /** Every (method, path) the application's controllers serve under /api/. */
  private Set<String> apiEndpoints() {
    RequestMappingHandlerMapping mapping =
        lockbox.bean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class);
    Set<String> endpoints = new TreeSet<>();
    for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
      for (String path : info.getPathPatternsCondition().getPatternValues()) {
        if (!path.startsWith("/api/")) {
          continue;
        }
        Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
        // A mapping without a method answers any; it cannot be described, so it must fail here.
        (methods.isEmpty() ? Set.of("ANY") : methods).forEach(m -> endpoints.add(m + " " + path));
      }
    }
    return endpoints;
  }

  private Response withRequestId(String id) {
    return lockbox.send(
        "auditor",
        HttpRequest.newBuilder(URI.create(lockbox.baseUrl() + "/api/lockbox-requests"))
            .header("X-Request-Id", id)
            .GET());
  }

  private static double value(String metrics, String series) {
    Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(metrics);
    return m.find() ? Double.parseDouble(m.group(1)) : -1;
  }
}
