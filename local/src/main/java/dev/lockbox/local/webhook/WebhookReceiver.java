package dev.lockbox.local.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.lockbox.activities.access.WebhookSignature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The reference receiver of Lockbox's access webhook: it checks each event's signature and age,
 * applies grants, extensions and revokes idempotently (by request id; an extension by request and
 * extension id), and keeps a ledger of the effects (one JSON line each, also in a file when asked),
 * so that a test or an operator can see what the access system itself was told, not what the
 * workflow believes.
 *
 * <p>Answers: 200 applied or already applied; 401 a bad signature or an event older than five
 * minutes; 400 no JSON or an unknown type; 404 a revoke or an extension of a request never granted;
 * 410 a revoke or an extension of a grant already revoked.
 */
public final class WebhookReceiver implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final String secret;
  private final Path ledgerFile;
  private final Clock clock;
  private final Map<String, Grant> grants = new LinkedHashMap<>();
  private final List<String> effects = new ArrayList<>();
  private final AtomicInteger deliveries = new AtomicInteger();
  private final AtomicInteger refused = new AtomicInteger();
  private volatile boolean down;
  private volatile Duration delay = Duration.ZERO;

  private WebhookReceiver(HttpServer server, String secret, Path ledgerFile, Clock clock) {
    this.server = server;
    this.secret = secret;
    this.ledgerFile = ledgerFile;
    this.clock = clock;
  }

  /** Listens on 127.0.0.1 (port 0: any free port). */
  public static WebhookReceiver start(int port, String secret, Path ledgerFile) {
    try {
      HttpServer server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
      WebhookReceiver receiver = new WebhookReceiver(server, secret, ledgerFile, Clock.systemUTC());
      server.createContext("/", receiver::handle);
      server.setExecutor(Executors.newCachedThreadPool()); // a slow answer blocks no other
      server.start();
      return receiver;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** The applied grants and revokes, in order, as ledger lines. */
  public synchronized List<String> effects() {
    return List.copyOf(effects);
  }

  /** The applied effects of one type ({@code grant} or {@code revoke}) for one request. */
  public synchronized long effects(String type, String requestId) {
    String needle = "\"type\":\"" + type + "\",\"requestId\":\"" + requestId + "\"";
    return effects.stream().filter(line -> line.contains(needle)).count();
  }

  /** Whether this request's grant is in force: granted, not revoked, its own expiry ahead. */
  public synchronized boolean live(String requestId) {
    Grant grant = grants.get(requestId);
    return grant != null
        && !grant.revoked
        && java.time.Instant.parse(grant.expiresAt).isAfter(clock.instant());
  }

  /**
   * While down, every event is answered 503 and changes nothing: the access system is unavailable.
   */
  public void setDown(boolean down) {
    this.down = down;
  }

  /** How long each event waits before it is applied and answered: a slow access system. */
  public void setDelay(Duration delay) {
    this.delay = delay;
  }

  /** Events answered 503 while down. */
  public int refused() {
    return refused.get();
  }

  /** Every signed event received, duplicates included. */
  public int deliveries() {
    return deliveries.get();
  }

  @Override
  public void close() {
    server.stop(0);
    ((ExecutorService) server.getExecutor()).shutdownNow();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      if (down) {
        refused.incrementAndGet();
        answer(exchange, 503);
        return;
      }
      String signature = exchange.getRequestHeaders().getFirst(WebhookSignature.HEADER);
      if (!"POST".equals(exchange.getRequestMethod())
          || !WebhookSignature.verify(signature, body, secret, clock.instant())) {
        answer(exchange, 401);
        return;
      }
      deliveries.incrementAndGet();
      pause();
      answer(exchange, apply(body));
    }
  }

  private synchronized int apply(String body) {
    JsonNode event;
    try {
      event = JSON.readTree(body);
    } catch (IOException e) {
      return 400;
    }
    String requestId = event.path("requestId").asText("");
    if (requestId.isEmpty()) {
      return 400;
    }
    return switch (event.path("type").asText()) {
      case "grant" -> grant(requestId, event);
      case "revoke" -> revoke(requestId, event);
      case "extend" -> extend(requestId, event);
      default -> 400;
    };
  }

  private int grant(String requestId, JsonNode event) {
    if (!grants.containsKey(requestId)) {
      grants.put(requestId, new Grant(event.path("expiresAt").asText()));
      record("grant", requestId, event);
    }
    return 200; // a repeated grant, or one arriving after its revoke, changes nothing
  }

  /** Moves a live grant's end; never reopens a revoked one. The same extension again is a no-op. */
  private int extend(String requestId, JsonNode event) {
    Grant grant = grants.get(requestId);
    if (grant == null || grant.revoked) {
      return grant == null ? 404 : 410;
    }
    String extensionId = event.path("extensionId").asText("");
    if (!grant.extensions.contains(extensionId)) {
      grant.extensions.add(extensionId);
      grant.expiresAt = event.path("expiresAt").asText();
      record("extend", requestId, event);
    }
    return 200;
  }

  private int revoke(String requestId, JsonNode event) {
    Grant grant = grants.get(requestId);
    if (grant == null) {
      grants.put(requestId, Grant.REVOKED_BEFORE_GRANT);
      return 404;
    }
    if (grant.revoked) {
      return 410;
    }
    grant.revoked = true;
    record("revoke", requestId, event);
    return 200;
  }

  private void record(String type, String requestId, JsonNode event) {
    String line =
        "{\"type\":\""
            + type
            + "\",\"requestId\":\""
            + requestId
            + "\",\"at\":\""
            + clock.instant()
            + "\",\"event\":"
            + event
            + "}";
    effects.add(line);
    System.out.println(line);
    if (ledgerFile != null) {
      try {
        Files.writeString(
            ledgerFile,
            line + "\n",
            StandardOpenOption.CREATE,
            StandardOpenOption.APPEND,
            StandardOpenOption.SYNC);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private void pause() {
    try {
      Thread.sleep(delay.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void answer(HttpExchange exchange, int status) throws IOException {
    exchange.sendResponseHeaders(status, -1);
  }

  /** One request's grant at this access system. */
  private static final class Grant {
    static final Grant REVOKED_BEFORE_GRANT = revoked();

    final java.util.Set<String> extensions = new java.util.HashSet<>();
    String expiresAt;
    boolean revoked;

    Grant(String expiresAt) {
      this.expiresAt = expiresAt;
    }

    private static Grant revoked() {
      Grant grant = new Grant(null);
      grant.revoked = true;
      return grant;
    }
  }
}
