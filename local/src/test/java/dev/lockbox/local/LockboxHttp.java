package dev.lockbox.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small HTTP client for one Lockbox, signing in with the demo users (password = user name). */
public final class LockboxHttp {

  public static final JsonMapper JSON = JsonMapper.builder().build();

  private final HttpClient http = HttpClient.newHttpClient();
  private final String base;

  public LockboxHttp(String base) {
    this.base = base;
  }

  public String baseUrl() {
    return base;
  }

  public Response get(String user, String path) {
    return send(user, HttpRequest.newBuilder(URI.create(base + path)).GET());
  }

  public Response postJson(String user, String path, String json) {
    return send(
        user,
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  public Response send(String user, HttpRequest.Builder request) {
    if (user != null) {
      String token =
          Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
      request.header("Authorization", "Basic " + token);
    }
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(response);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** An HTTP response with its body parsed as JSON where it is JSON. */
  public record Response(HttpResponse<String> raw) {

    public int status() {
      return raw.statusCode();
    }

    public String body() {
      return raw.body();
    }

    public String header(String name) {
      return raw.headers().firstValue(name).orElse(null);
    }

    public JsonNode json() {
      return JSON.readTree(raw.body());
    }

    public String text(String field) {
      JsonNode node = json().path(field);
      return node.isMissingNode() || node.isNull() ? null : node.asString();
    }
  }
}
