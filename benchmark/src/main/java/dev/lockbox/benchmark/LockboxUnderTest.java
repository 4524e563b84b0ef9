package dev.lockbox.benchmark;

import dev.lockbox.worker.WorkerSettings;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.temporal.client.WorkflowClient;
import io.temporal.testserver.TestServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real-time Temporal test server on a free port (in process, as lockbox.jar's embedded default
 * starts it) with Lockbox's api and worker on it, and a plain HTTP client for the REST API.
 */
final class LockboxUnderTest implements AutoCloseable {

  /**
   * The walkthrough's request: remote desktop to a contoso VM, which the shipped rules send to the
   * customer.
   */
  static final String DEMO_BODY =
      """
      {"supportTicketId":"SR-1001","tenantId":"contoso","subscriptionId":"contoso-prod",
       "resourceType":"VirtualMachine","resourceId":"vm-web-01","accessLevel":"RemoteDesktop",
       "justification":"Customer reports RDP failures; need to inspect event logs"}""";

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final TestServer.PortBoundTestServer server;
  private final ConfigurableApplicationContext context;
  private final String base;
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  /**
   * @param cacheSize sticky cache size, or 0 for Lockbox's default
   * @param threads workflow thread count, or 0 for Lockbox's default
   */
  LockboxUnderTest(int cacheSize, int threads, boolean verbose) {
    int temporalPort = freePort();
    server = TestServer.createPortBoundServer(temporalPort);
    List<String> args = new ArrayList<>();
    args.add("--server.port=0");
    args.add("--lockbox.temporal.address=localhost:" + temporalPort);
    args.add("--lockbox.embedded.active=true");
    args.add(BenchmarkPolicy.rulesFileProperty());
    args.add(
        "--spring.datasource.url=jdbc:h2:mem:benchmark-"
            + UUID.randomUUID()
            + ";DB_CLOSE_DELAY=-1");
    if (cacheSize > 0) {
      args.add("--lockbox.worker.workflow-cache-size=" + cacheSize);
    }
    if (threads > 0) {
      args.add("--lockbox.worker.max-workflow-threads=" + threads);
    }
    if (!verbose) {
      args.add("--spring.main.banner-mode=off");
      args.add("--logging.level.root=ERROR");
      args.add("--logging.level.org.springframework.boot.autoconfigure=ERROR");
      // Stopping a worker with cached workflows logs every cancelled timer promise; noise here.
      args.add("--logging.level.io.temporal.internal.sync.DeterministicRunnerImpl=ERROR");
    }
    SpringApplication app = new SpringApplication(BenchmarkLockbox.class);
    try {
      context = app.run(args.toArray(String[]::new));
    } catch (RuntimeException e) {
      server.close();
      throw e;
    }
    base = "http://localhost:" + ((WebServerApplicationContext) context).getWebServer().getPort();
  }

  WorkflowClient client() {
    return context.getBean(WorkflowClient.class);
  }

  /**
   * The sum over all tags of one of the Temporal SDK's counters as Micrometer has it (the SDK hands
   * its counters over every 10 s, so wait that long after the calls to count).
   */
  long temporalCounter(String name) {
    MeterRegistry registry = context.getBean(MeterRegistry.class);
    return (long) registry.find(name).counters().stream().mapToDouble(Counter::count).sum();
  }

  WorkerSettings workerSettings() {
    return context.getBean(WorkerSettings.class);
  }

  /** POST /api/lockbox-requests as engineer1 with the demo body; the new request's id. */
  String create() {
    Answer answer = post("engineer1", "/api/lockbox-requests", DEMO_BODY);
    answer.expect(201, "PENDING");
    return answer.json().path("id").asString();
  }

  /** The designated approver of contoso approves; Lockbox answers once access is granted. */
  void approve(String id) {
    post("contoso-owner", "/api/lockbox-requests/" + id + "/approve", "{\"comment\":\"benchmark\"}")
        .expect(200, "ACCESS_GRANTED");
  }

  /** The requester withdraws a pending request (ends its workflow). */
  void cancel(String id) {
    post("engineer1", "/api/lockbox-requests/" + id + "/cancel", "{}").expect(200, "CANCELED");
  }

  private Answer post(String user, String path, String json) {
    String token =
        Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Authorization", "Basic " + token)
            .header("Content-Type", "application/json")
            .timeout(Duration.ofSeconds(60))
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build();
    try {
      return new Answer(path, http.send(request, HttpResponse.BodyHandlers.ofString()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private record Answer(String path, HttpResponse<String> raw) {
    JsonNode json() {
      return JSON.readTree(raw.body());
    }

    void expect(int status, String lockboxStatus) {
      if (raw.statusCode() != status || !lockboxStatus.equals(json().path("status").asString())) {
        throw new IllegalStateException(
            "POST "
                + path
                + " answered "
                + raw.statusCode()
                + " "
                + raw.body()
                + "; expected "
                + status
                + " with status "
                + lockboxStatus);
      }
    }
  }

  @Override
  public void close() {
    try {
      context.close();
    } finally {
      server.close();
    }
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
