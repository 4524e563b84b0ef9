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
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Predicate;
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

  static final String ENGINEER = "engineer1";
  static final String APPROVER = "contoso-owner";
  static final String TENANT = "contoso";

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final TestServer.PortBoundTestServer server;
  private final ConfigurableApplicationContext context;
  private final String base;
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  /** Where one Lockbox instance runs: its Temporal and, on a real server, its namespace. */
  record Placement(String temporalAddress, String namespace) {
    static final Placement IN_PROCESS = new Placement(null, "default");

    boolean inProcess() {
      return temporalAddress == null;
    }
  }

  private static final int MAX_ATTEMPTS = 10;

  private final long startupNanos;
  private final long contextNanos;
  private final LongAdder unavailable = new LongAdder();
  private final LongAdder answeredEarly = new LongAdder();

  /**
   * @param cacheSize sticky cache size, or 0 for Lockbox's default
   * @param threads workflow thread count, or 0 for Lockbox's default
   * @param extraArgs further Spring properties ({@code --name=value})
   */
  LockboxUnderTest(
      Placement placement, int cacheSize, int threads, boolean verbose, List<String> extraArgs) {
    long launched = System.nanoTime();
    String temporalAddress;
    if (placement.inProcess()) {
      int temporalPort = freePort();
      server = TestServer.createPortBoundServer(temporalPort);
      temporalAddress = "localhost:" + temporalPort;
    } else {
      server = null;
      temporalAddress = placement.temporalAddress();
    }
    List<String> args = new ArrayList<>();
    args.add("--server.port=0");
    args.add("--lockbox.temporal.address=" + temporalAddress);
    args.add("--lockbox.temporal.namespace=" + placement.namespace());
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
    args.addAll(extraArgs);
    SpringApplication app = new SpringApplication(BenchmarkLockbox.class);
    try {
      context = app.run(args.toArray(String[]::new));
    } catch (RuntimeException e) {
      if (server != null) {
        server.close();
      }
      throw e;
    }
    contextNanos = System.nanoTime() - launched;
    base = "http://localhost:" + ((WebServerApplicationContext) context).getWebServer().getPort();
    awaitHealthy();
    startupNanos = System.nanoTime() - launched;
  }

  /** From launching until Spring's context was ready (the api serving, the worker polling). */
  long contextMillis() {
    return contextNanos / 1_000_000;
  }

  /** From launching (the in-process server included) until the health endpoint answered UP. */
  long startupMillis() {
    return startupNanos / 1_000_000;
  }

  private void awaitHealthy() {
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    while (true) {
      HttpResponse<String> health = send(get("anonymous", "/actuator/health", false));
      if (health.statusCode() == 200 && health.body().contains("\"UP\"")) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "/actuator/health answered " + health.statusCode() + " " + health.body());
      }
      Memory.sleep(20);
    }
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
    return createWith(DEMO_BODY);
  }

  /**
   * POST /api/lockbox-requests as engineer1 with this body, answered 201 PENDING; its id. A busy
   * machine may answer 201 while the policy still evaluates: then the request is read until it is
   * PENDING. A 503 (Temporal did not answer within the call deadline) is retried after its
   * Retry-After, as a client would; both are counted.
   */
  String createWith(String body) {
    Answer answer = postRetrying(ENGINEER, "/api/lockbox-requests", body);
    if (answer.raw().statusCode() == 201 && "EVALUATING".equals(answer.status())) {
      answeredEarly.increment();
      String id = answer.json().path("id").asString();
      awaitStatus(id, "PENDING");
      return id;
    }
    return answer.expect(201, "PENDING").path("id").asString();
  }

  /** The demo body asking for access of this length (ISO-8601, e.g. PT60S). */
  static String demoBody(String requestedDuration) {
    return DEMO_BODY.replace(
        "\"accessLevel\"", "\"requestedDuration\":\"" + requestedDuration + "\",\"accessLevel\"");
  }

  /** The designated approver of contoso approves; Lockbox answers once access is granted. */
  void approve(String id) {
    approveAnswer(id);
  }

  /**
   * {@link #approve}; the granted request as the API answered it. After a retried 503 the first try
   * may have approved it (the retry answers 409): then it is read until access is granted.
   */
  JsonNode approveAnswer(String id) {
    String path = "/api/lockbox-requests/" + id + "/approve";
    Answer answer = postRetrying(APPROVER, path, "{\"comment\":\"benchmark\"}");
    boolean approvedByAnEarlierTry = answer.retried() && answer.raw().statusCode() == 409;
    if (approvedByAnEarlierTry || "APPROVED".equals(answer.status())) {
      answeredEarly.increment();
      return awaitStatus(id, "ACCESS_GRANTED");
    }
    return answer.expect(200, "ACCESS_GRANTED");
  }

  private Answer postRetrying(String user, String path, String json) {
    boolean retried = false;
    for (int attempt = 1; ; attempt++) {
      Answer answer = post(user, path, json).retried(retried);
      if (answer.raw().statusCode() != 503 || attempt == MAX_ATTEMPTS) {
        return answer;
      }
      unavailable.increment();
      retried = true;
      Memory.sleep(1000L * answer.raw().headers().firstValueAsLong("Retry-After").orElse(1));
    }
  }

  /** Reads the request (as its requester) until it has the status; its last view. */
  private JsonNode awaitStatus(String id, String status) {
    return awaitView(id, view -> status.equals(view.path("status").asString()), status);
  }

  /**
   * Reads the pending request until its approvers' email has gone out (it is sent beside the wait
   * for a decision), as the approve-path unit test waits before it approves.
   */
  void awaitApproversNotified(String id) {
    awaitView(
        id,
        view ->
            "PENDING".equals(view.path("status").asString())
                && !view.path("notifications").isEmpty(),
        "PENDING with the approvers notified");
  }

  private JsonNode awaitView(String id, Predicate<JsonNode> condition, String description) {
    long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
    while (true) {
      HttpResponse<String> answer = send(get(ENGINEER, "/api/lockbox-requests/" + id, true));
      JsonNode view = answer.statusCode() == 200 ? JSON.readTree(answer.body()) : null;
      if (view != null && condition.test(view)) {
        return view;
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            id + " is not " + description + ": " + answer.statusCode() + " " + answer.body());
      }
      Memory.sleep(25);
    }
  }

  /** How often a call was answered 503 and retried, and answered before it had settled. */
  String retryReport() {
    return unavailable.sum()
        + " calls answered 503 (Temporal busy) and were retried; "
        + answeredEarly.sum()
        + " answered before the request had settled (EVALUATING / APPROVED) and were read until it had";
  }

  <T> T bean(Class<T> type) {
    return context.getBean(type);
  }

  /** The requester withdraws a pending request (ends its workflow). */
  void cancel(String id) {
    post("engineer1", "/api/lockbox-requests/" + id + "/cancel", "{}").expect(200, "CANCELED");
  }

  /**
   * GET /api/lockbox-requests?status=PENDING (the first page) as the user; its total of matching
   * rows.
   */
  long listPending(String user, String tenantId) {
    String path = "/api/lockbox-requests?status=PENDING&tenantId=" + tenantId;
    HttpResponse<String> answer = send(get(user, path, true));
    if (answer.statusCode() != 200) {
      throw new IllegalStateException(
          "GET " + path + " answered " + answer.statusCode() + " " + answer.body());
    }
    return JSON.readTree(answer.body()).path("total").asLong();
  }

  private HttpRequest get(String user, String path, boolean signedIn) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60)).GET();
    if (signedIn) {
      request.header("Authorization", basic(user));
    }
    return request.build();
  }

  private static String basic(String user) {
    return "Basic "
        + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
  }

  Answer post(String user, String path, String json) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Authorization", basic(user))
            .header("Content-Type", "application/json")
            .timeout(Duration.ofSeconds(60))
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build();
    return new Answer(path, send(request), false);
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  record Answer(String path, HttpResponse<String> raw, boolean retried) {
    Answer retried(boolean wasRetried) {
      return new Answer(path, raw, wasRetried);
    }

    JsonNode json() {
      return JSON.readTree(raw.body());
    }

    /** The request's status in the answer, or null when the answer is not a request. */
    String status() {
      JsonNode status = raw.body().isEmpty() ? null : json().get("status");
      return status == null || !status.isString() ? null : status.asString();
    }

    JsonNode expect(int status, String lockboxStatus) {
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
      return json();
    }
  }

  @Override
  public void close() {
    try {
      context.close();
    } finally {
      if (server != null) {
        server.close();
      }
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
