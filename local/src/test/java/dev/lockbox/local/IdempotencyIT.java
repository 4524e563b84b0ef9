package dev.lockbox.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.lockbox.local.LockboxHttp.Response;
import dev.lockbox.workflows.LockboxNames;
import io.temporal.api.workflowservice.v1.ListWorkflowExecutionsRequest;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/** Concurrent creates with one Idempotency-Key over real HTTP: one workflow, one 201. */
@Timeout(180)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IdempotencyIT {

  private static final int CALLERS = 50;

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
  void fiftyConcurrentCreatesWithOneKey_makeOneWorkflow_oneId_exactlyOne201() throws Exception {
    String key = "same-" + UUID.randomUUID();
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(CALLERS);
    List<Future<Response>> answers;
    try {
      answers =
          java.util.stream.IntStream.range(0, CALLERS)
              .mapToObj(
                  i ->
                      pool.submit(
                          () -> {
                            go.await();
                            return create(key);
                          }))
              .toList();
      go.countDown();
    } finally {
      pool.shutdown();
    }
    List<Response> responses = new java.util.ArrayList<>();
    for (Future<Response> answer : answers) {
      responses.add(answer.get());
    }

    assertThat(responses).extracting(Response::status).containsOnly(201, 200);
    assertThat(responses).filteredOn(r -> r.status() == 201).hasSize(1);
    assertThat(responses).extracting(r -> r.text("id")).containsOnly(responses.get(0).text("id"));
    String id = responses.get(0).text("id");
    await("visibility lists the workflow").until(() -> workflowsOf(id) > 0);
    assertThat(workflowsOf(id)).as("runs of the request's workflow").isEqualTo(1);
  }

  private long workflowsOf(String requestId) {
    return TestTemporal.stubs()
        .blockingStub()
        .listWorkflowExecutions(
            ListWorkflowExecutionsRequest.newBuilder()
                .setNamespace(lockbox.namespace())
                .setQuery("WorkflowId = '" + LockboxNames.workflowId(requestId) + "'")
                .build())
        .getExecutionsCount();
  }

  private Response create(String key) {
    return lockbox.send(
        "engineer1",
        HttpRequest.newBuilder(URI.create(lockbox.baseUrl() + "/api/lockbox-requests"))
            .header("Content-Type", "application/json")
            .header("Idempotency-Key", key)
            .POST(HttpRequest.BodyPublishers.ofString(LockboxApiIT.DEMO)));
  }
}
