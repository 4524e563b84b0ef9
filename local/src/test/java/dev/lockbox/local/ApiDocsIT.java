package dev.lockbox.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

/**
 * The OpenAPI description as served ({@code /v3/api-docs} over real HTTP): every operation has a
 * summary and a tag that reads as a noun, documents the status codes it really answers (some of
 * them provoked here against the running API), and every error answer is problem JSON.
 */
@Timeout(120)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiDocsIT {

  private static final String REQUESTS = "/api/lockbox-requests";

  private RunningLockbox lockbox;
  private JsonNode docs;

  @BeforeAll
  void start() throws Exception {
    lockbox = new RunningLockbox();
    LockboxHttp.Response served = lockbox.get(null, "/v3/api-docs");
    assertThat(served.status()).isEqualTo(200);
    docs = served.json();
    Path copy = Path.of("target", "api-docs.json");
    Files.createDirectories(copy.getParent());
    Files.writeString(copy, served.body());
  }

  @AfterAll
  void stop() {
    lockbox.close();
  }

  @Test
  void everyOperationHasASummaryAndANounTagThatTheDescriptionExplains() {
    Set<String> declared = new TreeSet<>();
    docs.path("tags").forEach(tag -> declared.add(tag.path("name").asText()));
    List<String> wrong = new ArrayList<>();
    operations()
        .forEach(
            (name, operation) -> {
              if (operation.path("summary").asText().isBlank()) {
                wrong.add(name + ": no summary");
              }
              if (operation.path("tags").isEmpty()) {
                wrong.add(name + ": no tag");
              }
              operation
                  .path("tags")
                  .forEach(
                      tag -> {
                        String t = tag.asText();
                        if (t.toLowerCase().contains("controller")
                            || !t.matches("[A-Z][a-z]+( [a-z]+)*")) {
                          wrong.add(name + ": tag \"" + t + "\" is not a noun phrase");
                        }
                        if (!declared.contains(t)) {
                          wrong.add(name + ": tag \"" + t + "\" is not described");
                        }
                      });
            });

    assertThat(wrong).as("operations of /v3/api-docs").isEmpty();
    assertThat(declared).contains("Lockbox requests", "Audit", "Access checks");
    docs.path("tags")
        .forEach(
            tag -> assertThat(tag.path("description").asText()).as(tag.toString()).isNotBlank());
  }

  @Test
  void everyErrorAnswerIsProblemJsonAndEveryCallDocumentsTheSignIn() {
    List<String> wrong = new ArrayList<>();
    operations()
        .forEach(
            (name, operation) -> {
              JsonNode responses = operation.path("responses");
              if (!responses.has("401")) {
                wrong.add(name + ": no 401");
              }
              responses
                  .properties()
                  .forEach(
                      response -> {
                        int code = Integer.parseInt(response.getKey());
                        JsonNode content = response.getValue().path("content");
                        if (code >= 400 && !content.has("application/problem+json")) {
                          wrong.add(name + " " + code + ": not problem JSON");
                        }
                        if (response.getValue().path("description").asText().isBlank()) {
                          wrong.add(name + " " + code + ": no description");
                        }
                      });
            });

    assertThat(wrong).isEmpty();
    assertThat(docs.at("/components/schemas/Problem/properties").has("detail")).isTrue();
  }

  @Test
  void theStatusCodesTheApiReallyAnswersAreDocumented() {
    String created = "POST " + REQUESTS;
    String approve = "POST " + REQUESTS + "/{id}/approve";
    String deny = "POST " + REQUESTS + "/{id}/deny";
    String get = "GET " + REQUESTS + "/{id}";

    LockboxHttp.Response first = keyed("docs-1", LockboxApiIT.DEMO);
    String id = first.text("id");
    LockboxRequests.awaitStatus(lockbox.http(), id, "PENDING");
    documents(created, first.status());
    documents(created, keyed("docs-1", LockboxApiIT.DEMO).status());
    documents(created, keyed("docs-1", LockboxRequests.FABRIKAM_VM).status());
    documents(created, lockbox.postJson("engineer1", REQUESTS, "{}").status());
    documents(created, plainText("engineer1", REQUESTS).status());
    documents(created, lockbox.postJson("auditor", REQUESTS, LockboxApiIT.DEMO).status());
    documents(get, lockbox.get("engineer1", REQUESTS + "/no-such-request").status());
    documents(get, lockbox.get(null, REQUESTS + "/" + id).status());
    documents(approve, decide("engineer1", id, "approve", "{}").status());
    documents(
        approve, decide("contoso-owner", id, "approve", "{\"approvedDuration\":\"P9D\"}").status());
    documents(approve, plainText("contoso-owner", REQUESTS + "/" + id + "/approve").status());
    documents(approve, decide("contoso-owner", id, "approve", "{}").status());
    documents(deny, decide("contoso-owner", id, "deny", "{}").status());
    documents(
        "GET /api/access/check", lockbox.get("gateway", "/api/access/check?principal=x").status());
    documents(
        "GET /api/audit/events",
        lockbox.get("auditor", "/api/audit/events?from=yesterday").status());

    assertThat(codes(created)).contains("201", "200", "400", "403", "415", "422", "503");
    assertThat(codes(approve)).contains("200", "400", "403", "404", "409", "415", "503");
    assertThat(docs.at("/paths/~1api~1lockbox-requests/post/responses/201/content")).isNotEmpty();
  }

  private void documents(String operation, int status) {
    assertThat(codes(operation))
        .as(operation + " answered " + status + " but its description does not say so")
        .contains(String.valueOf(status));
  }

  private Set<String> codes(String operation) {
    JsonNode found = operations().get(operation);
    assertThat(found).as(operation).isNotNull();
    return new TreeSet<>(found.path("responses").propertyNames());
  }

  /** "POST /api/lockbox-requests/{id}/approve" → the operation. */
  private Map<String, JsonNode> operations() {
    Map<String, JsonNode> all = new java.util.TreeMap<>();
    docs.path("paths")
        .properties()
        .forEach(
            path ->
                path.getValue()
                    .properties()
                    .forEach(
                        method ->
                            all.put(
                                method.getKey().toUpperCase() + " " + path.getKey(),
                                method.getValue())));
    return all;
  }

  private LockboxHttp.Response keyed(String key, String body) {
    return lockbox.send(
        "engineer1",
        HttpRequest.newBuilder(URI.create(lockbox.baseUrl() + REQUESTS))
            .header("Content-Type", "application/json")
            .header("Idempotency-Key", key)
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private LockboxHttp.Response decide(String user, String id, String decision, String body) {
    return lockbox.postJson(user, REQUESTS + "/" + id + "/" + decision, body);
  }

  private LockboxHttp.Response plainText(String user, String path) {
    return lockbox.send(
        user,
        HttpRequest.newBuilder(URI.create(lockbox.baseUrl() + path))
            .header("Content-Type", "text/plain")
            .POST(HttpRequest.BodyPublishers.ofString("hello")));
  }
}
