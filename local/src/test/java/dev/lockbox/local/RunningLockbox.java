package dev.lockbox.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * lockbox.jar's application started the way main starts it (worker and api in one JVM) on a free
 * port, on the real Temporal server of the test run ({@link TestTemporal}) in a namespace of its
 * own, and a small HTTP client that talks to it over real HTTP. The dev outbox is on, as in
 * lockbox.jar's local modes.
 */
public final class RunningLockbox implements AutoCloseable {

  public static final JsonMapper JSON = JsonMapper.builder().build();

  private final ConfigurableApplicationContext context;
  private final HttpClient http = HttpClient.newHttpClient();
  private final String base;
  private final String namespace;

  public RunningLockbox(String... extraArgs) {
    List<String> args = new ArrayList<>();
    if (notGiven(extraArgs, "--server.port=")) {
      args.add("--server.port=0");
    }
    if (notGiven(extraArgs, "--spring.datasource.url=")) {
      args.add("--spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    }
    namespace = TestTemporal.newNamespace(caller());
    args.add("--TEMPORAL_ADDRESS=" + TestTemporal.shared().address());
    args.add("--TEMPORAL_NAMESPACE=" + namespace);
    args.add("--lockbox.embedded.active=true");
    args.addAll(List.of(extraArgs));
    context = LockboxApplication.application().run(args.toArray(String[]::new));
    int port = ((WebServerApplicationContext) context).getWebServer().getPort();
    base = "http://localhost:" + port;
  }

  /** The same application with its read model on a fresh database of the test PostgreSQL. */
  public static RunningLockbox onPostgres(String... extraArgs) {
    List<String> args = new ArrayList<>(TestPostgres.freshDatabase());
    args.addAll(List.of(extraArgs));
    return new RunningLockbox(args.toArray(String[]::new));
  }

  private static boolean notGiven(String[] args, String prefix) {
    return List.of(args).stream().noneMatch(arg -> arg.startsWith(prefix));
  }

  /** The test class that starts this Lockbox, lower case: it names the namespace. */
  private static String caller() {
    return StackWalker.getInstance()
        .walk(
            frames ->
                frames
                    .map(StackWalker.StackFrame::getClassName)
                    .filter(name -> name.endsWith("IT"))
                    .findFirst()
                    .map(name -> name.substring(name.lastIndexOf('.') + 1).toLowerCase())
                    .orElse("lockbox"));
  }

  /** The Temporal namespace this instance runs in, alone. */
  public String namespace() {
    return namespace;
  }

  public <T> T bean(Class<T> type) {
    return context.getBean(type);
  }

  public ConfigurableApplicationContext context() {
    return context;
  }

  public <T> T bean(String name, Class<T> type) {
    return context.getBean(name, type);
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

  @Override
  public void close() {
    context.close();
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
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
