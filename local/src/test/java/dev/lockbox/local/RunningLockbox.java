package dev.lockbox.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import okhttp3.mockwebserver.MockWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * lockbox.jar's application started the way main starts it (worker and api in one JVM) on a free
 * port, on the real Temporal server of the test run ({@link TestTemporal}) in a namespace of its
 * own, and a small HTTP client that talks to it over real HTTP. The dev outbox is on, as in
 * lockbox.jar's local modes.
 */
public final class RunningLockbox implements AutoCloseable {

  public static final JsonMapper JSON = LockboxHttp.JSON;

  private final ConfigurableApplicationContext context;
  private final LockboxHttp http;
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
    if (notGiven(extraArgs, "--TEMPORAL_ADDRESS=")) {
      args.add("--TEMPORAL_ADDRESS=" + TestTemporal.shared().address());
    }
    args.add("--TEMPORAL_NAMESPACE=" + namespace);
    args.add("--lockbox.embedded.active=true");
    args.addAll(List.of(extraArgs));
    context = LockboxApplication.application().run(args.toArray(String[]::new));
    int port = ((WebServerApplicationContext) context).getWebServer().getPort();
    base = "http://localhost:" + port;
    http = new LockboxHttp(base);
  }

  /** The same application with its read model on a fresh database of the test PostgreSQL. */
  /** A Lockbox whose emails go through the real SendGrid client to a stand-in SendGrid. */
  public static RunningLockbox emailingThrough(MockWebServer sendGrid) {
    return new RunningLockbox(
        "--lockbox.sendgrid.api-key=SG.stand-in",
        "--lockbox.sendgrid.base-url=http://127.0.0.1:" + sendGrid.getPort());
  }

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

  public LockboxHttp.Response get(String user, String path) {
    return http.get(user, path);
  }

  public LockboxHttp.Response postJson(String user, String path, String json) {
    return http.postJson(user, path, json);
  }

  public LockboxHttp.Response send(String user, HttpRequest.Builder request) {
    return http.send(user, request);
  }

  public LockboxHttp http() {
    return http;
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
}
