package dev.lockbox.local.security;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.lockbox.activities.notify.DevOutbox;
import dev.lockbox.local.LockboxHttp.Response;
import dev.lockbox.local.RunningLockbox;
import dev.lockbox.readmodel.RequestSummaryRepository;
import dev.lockbox.readmodel.SummaryQuery;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.slf4j.LoggerFactory;

/**
 * Hostile input against the REST API over real HTTP, as property-based tests: control characters,
 * bidirectional controls, CR/LF and markup in every text field, oversized, malformed and mistyped
 * bodies, unknown fields, bad durations and ids, huge headers. Every answer is a 4xx {@code
 * application/problem+json}, never a 5xx; and no workflow ever starts.
 */
class HostileInputIT {

  static final int TRIES = 150;
  static final List<String> TEXT_FIELDS =
      List.of(
          "supportTicketId",
          "tenantId",
          "subscriptionId",
          "resourceType",
          "resourceId",
          "accessLevel",
          "justification",
          "requestedDuration",
          "resourceScope");

  private static RunningLockbox lockbox;
  private static final ListAppender<ILoggingEvent> starts = new ListAppender<>();

  @BeforeContainer
  static void start() {
    lockbox = new RunningLockbox();
    starts.start();
    logger().addAppender(starts);
  }

  @AfterContainer
  static void noWorkflowStarted() {
    try {
      long rows =
          lockbox
              .bean(RequestSummaryRepository.class)
              .find(new SummaryQuery(null, null, null, null, 0, 1))
              .total();
      assertThat(starts.list).as("workflows started").isEmpty();
      assertThat(rows).as("read-model rows").isZero();
      assertThat(lockbox.bean(DevOutbox.class).messages()).as("emails").isEmpty();
    } finally {
      logger().detachAppender(starts);
      lockbox.close();
    }
  }

  @Property(tries = TRIES)
  void hostileTextInAnyFieldIsRefusedNamingTheField(
      @ForAll("textFields") String field, @ForAll("hostileText") String value) {
    Map<String, Object> body = validBody();
    body.put(field, value);

    Response response = create(json(body));

    assertProblem(response, 400);
    assertThat(response.json().path("errors").has(field)).as(response.body()).isTrue();
  }

  @Property(tries = TRIES)
  void oversizedTextIsRefused(
      @ForAll("textFields") String field, @ForAll @IntRange(min = 2_001, max = 200_000) int size) {
    Map<String, Object> body = validBody();
    body.put(field, "a".repeat(size));

    assertProblem(create(json(body)), 400);
  }

  @Property(tries = TRIES)
  void malformedBodiesAreRefused(@ForAll("malformed") String body) {
    Response response = create(body);

    assertThat(response.status()).as(body).isBetween(400, 499);
    assertProblem(response, response.status());
  }

  @Property(tries = TRIES)
  void wrongTypesAndUnknownFieldsAreRefused(
      @ForAll("anyField") String field, @ForAll("notAString") Object value) {
    Map<String, Object> body = validBody();
    body.put(field, value);

    assertProblem(create(json(body)), 400);
  }

  @Property(tries = TRIES)
  void badDurationsAreRefused(@ForAll("badDurations") String duration) {
    Map<String, Object> body = validBody();
    body.put("requestedDuration", duration);

    Response response = create(json(body));

    assertProblem(response, 400);
    assertThat(response.json().path("errors").has("requestedDuration")).as(duration).isTrue();
  }

  @Property(tries = TRIES)
  void invalidIdsAreNotFoundOrBadRequests(@ForAll("hostileText") String id) {
    String path = "/api/lockbox-requests/" + URLEncoder.encode(id, StandardCharsets.UTF_8);
    for (Response response :
        List.of(
            lockbox.get("auditor", path),
            lockbox.get("auditor", path + "/history"),
            lockbox.postJson("contoso-owner", path + "/approve", "{}"))) {
      assertThat(response.status()).as(id).isIn(400, 404);
      assertProblem(response, response.status());
    }
  }

  @Property(tries = 25)
  void hugeHeadersAreRefused(@ForAll @IntRange(min = 9_000, max = 100_000) int size) {
    RawHttp.Reply reply =
        RawHttp.get(
            lockbox.baseUrl(),
            "/api/lockbox-requests",
            "Accept: application/json",
            "X-Filler: " + "h".repeat(size));

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
  }

  @Provide
  Arbitrary<String> textFields() {
    return Arbitraries.of(TEXT_FIELDS);
  }

  @Provide
  Arbitrary<String> anyField() {
    return Arbitraries.oneOf(
        Arbitraries.of(TEXT_FIELDS),
        Arbitraries.of("requester", "status", "approvers", "breakGlass", "__proto__", "id"),
        Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(20).map(s -> "x" + s));
  }

  /** Printable text with one hostile character or markup inside. */
  @Provide
  Arbitrary<String> hostileText() {
    Arbitrary<String> hostile =
        Arbitraries.oneOf(
            Arbitraries.chars().range('\u0000', '\u001f').map(String::valueOf),
            Arbitraries.chars().range('\u007f', '\u009f').map(String::valueOf),
            Arbitraries.of(
                "\u202a",
                "\u202b",
                "\u202c",
                "\u202d",
                "\u202e",
                "\u2066",
                "\u2067",
                "\u2068",
                "\u2069",
                "\u200e",
                "\u200f",
                "\u061c",
                "\u2028",
                "\u2029",
                "\r\n",
                "\u001b[2J",
                "<script>alert(1)</script>",
                "</b>",
                "<!--",
                "<img src=x onerror=alert(1)>",
                "<?php"));
    Arbitrary<String> text = Arbitraries.strings().alpha().numeric().ofMaxLength(40);
    return Combinators.combine(text, hostile, text)
        .as((before, bad, after) -> "Looks fine " + before + bad + after);
  }

  @Provide
  Arbitrary<String> malformed() {
    String valid = json(validBody());
    return Arbitraries.oneOf(
        Arbitraries.strings().ofMaxLength(500),
        Arbitraries.integers().between(0, valid.length() - 1).map(n -> valid.substring(0, n)),
        Arbitraries.integers().between(1, 3_000).map(n -> "[".repeat(n) + "]".repeat(n)),
        Arbitraries.integers()
            .between(1, 3_000)
            .map(n -> "{\"a\":".repeat(n) + "1" + "}".repeat(n)),
        Arbitraries.of(
            "", "null", "[]", "\"text\"", "42", "{}", "{\"justification\":}", valid + "}"));
  }

  @Provide
  Arbitrary<Object> notAString() {
    return Arbitraries.oneOf(
        Arbitraries.integers().map(i -> (Object) i),
        Arbitraries.doubles().map(d -> (Object) d),
        Arbitraries.of(List.of(), List.of("a", "b"), Map.of("nested", "object"), Map.of()),
        Arbitraries.just((Object) Boolean.FALSE).map(b -> (Object) List.of(b)));
  }

  @Provide
  Arbitrary<String> badDurations() {
    return Arbitraries.oneOf(
        Arbitraries.of(
            "PT0.0001S",
            "PT0S",
            "PT1S",
            "PT4M59S",
            "-PT1H",
            "PT-5M",
            "P1D",
            "PT9H",
            "PT8H0.001S",
            "P999999999999D",
            "PT",
            "P",
            "two hours",
            "PT5m ",
            " PT5M",
            "PT5M\n"),
        Arbitraries.integers().between(1, 299).map(s -> "PT" + s + "S"),
        Arbitraries.integers().between(481, 100_000).map(m -> "PT" + m + "M"),
        Arbitraries.strings().ofMaxLength(32));
  }

  private static Map<String, Object> validBody() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("supportTicketId", "SR-1001");
    body.put("tenantId", "contoso");
    body.put("subscriptionId", "contoso-prod");
    body.put("resourceType", "VirtualMachine");
    body.put("resourceId", "vm-web-01");
    body.put("accessLevel", "RemoteDesktop");
    body.put("justification", "Customer reports RDP failures; need to inspect event logs");
    return body;
  }

  private static Response create(String body) {
    return lockbox.send(
        "engineer1",
        HttpRequest.newBuilder(URI.create(lockbox.baseUrl() + "/api/lockbox-requests"))
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private static void assertProblem(Response response, int status) {
    assertThat(response.status()).as(response.body()).isEqualTo(status);
    assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    assertThat(response.json().path("status").asInt()).isEqualTo(status);
  }

  private static String json(Object value) {
    return RunningLockbox.JSON.writeValueAsString(value);
  }

  private static Logger logger() {
    return (Logger) LoggerFactory.getLogger("dev.lockbox.api.requests.LockboxWorkflows");
  }
}
