package dev.lockbox.benchmark;

import dev.lockbox.readmodel.RequestSummary;
import dev.lockbox.readmodel.RequestSummaryRepository;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The approver's listing of one tenant's pending requests: {@code GET
 * /api/lockbox-requests?status=PENDING} (the first page, soonest expiry first) as contoso's
 * approver, with N open PENDING requests of contoso. The open requests are created over the REST
 * API (real workflows) up to {@code --api-fill}; the rest are rows written straight into the read
 * model, which is all the listing reads.
 */
final class Listing {

  /**
   * One size: the open requests asked for and listed, how they came about, the listing's latencies.
   */
  record Size(int open, long listed, int overApi, int direct, Latencies.Summary latency) {}

  private static final int WARMUP_QUERIES = 20;

  private Listing() {}

  static List<Size> run(LockboxUnderTest lockbox, Options o) {
    List<Size> sizes = new ArrayList<>();
    for (int size : o.listSizes()) {
      sizes.add(measure(lockbox, o, size));
    }
    return sizes;
  }

  private static Size measure(LockboxUnderTest lockbox, Options o, int size) {
    long pending = pending(lockbox);
    int missing = (int) Math.max(0, size - pending);
    int overApi = (int) Math.min(missing, Math.max(0, o.apiFillLimit() - pending));
    int direct = missing - overApi;
    Benchmark.progress(
        "Listing at "
            + size
            + " open requests: "
            + pending
            + " open, "
            + overApi
            + " more over the API from "
            + o.concurrency()
            + " threads, "
            + direct
            + " straight into the read model");
    Runs.concurrently(overApi, o.concurrency(), i -> lockbox.create());
    RequestSummaryRepository repository = lockbox.bean(RequestSummaryRepository.class);
    Instant now = Instant.now();
    Runs.concurrently(direct, o.concurrency(), i -> repository.save(directRow(now, i)));
    long listed = pending(lockbox);
    if (listed < size) {
      throw new IllegalStateException("the listing counts " + listed + " open, expected " + size);
    }
    for (int i = 0; i < WARMUP_QUERIES; i++) {
      pending(lockbox);
    }
    Latencies latency = new Latencies();
    for (int i = 0; i < o.listQueries(); i++) {
      latency.time(() -> pending(lockbox));
    }
    return new Size(size, listed, overApi, direct, latency.summary());
  }

  private static long pending(LockboxUnderTest lockbox) {
    return lockbox.listPending(LockboxUnderTest.APPROVER, LockboxUnderTest.TENANT);
  }

  /** A pending request's row as the worker writes it, for a request with no workflow. */
  static RequestSummary directRow(Instant now, int i) {
    Instant created = now.minusMillis(i);
    return new RequestSummary(
        "bench-row-" + UUID.randomUUID(),
        1,
        "PENDING",
        LockboxUnderTest.TENANT,
        "contoso-prod",
        LockboxUnderTest.ENGINEER,
        "VirtualMachine",
        "vm-web-01",
        "RemoteDesktop",
        "SR-1001",
        created,
        created.plus(Duration.ofDays(4)),
        null,
        null,
        null,
        false);
  }
}
