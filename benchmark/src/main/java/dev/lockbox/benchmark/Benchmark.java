package dev.lockbox.benchmark;

import dev.lockbox.worker.WorkerSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Lockbox's benchmark: a program that prints numbers. Lockbox's REST API against bare Temporal SDK
 * calls on the same in-process server in the same run, and the memory of open requests per
 * sticky-cache size, each in a JVM of its own. See docs/performance.md.
 */
public final class Benchmark {

  private Benchmark() {}

  public static void main(String[] args) {
    if (args.length > 0 && args[0].equals("probe")) {
      MemoryProbe.main(Arrays.copyOfRange(args, 1, args.length));
      System.exit(0);
    }
    if (Arrays.asList(args).contains("--help")) {
      System.out.println(Options.USAGE);
      return;
    }
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    System.out.println("Lockbox benchmark on " + MemoryProbe.jvm());
    System.out.println("Flags: " + (args.length == 0 ? "(defaults)" : String.join(" ", args)));
    System.out.println();
    Results results = run(options);
    System.out.println(
        "Headline figures" + (options.out() == null ? "" : " (" + options.out() + ")"));
    System.out.println(results.toJson());
    if (options.out() != null) {
      results.write(Path.of(options.out()));
    }
    progress("Done");
    // The SDK's and Spring's non-daemon threads are gone by now, but never wait on a straggler.
    System.exit(0);
  }

  /** Every phase asked for, on the Temporal asked for; the headline figures. */
  static Results run(Options o) {
    progress("Temporal: " + o.temporal());
    try (TemporalTarget temporal = TemporalTarget.open(o.temporal())) {
      String server = temporal.describe();
      System.out.println("Temporal: " + server);
      LatencyFigures latency = null;
      List<Listing.Size> listing = null;
      Timers.Figures timers = null;
      Long startup = null;
      if (o.phases().contains("latency")
          || o.phases().contains("listing")
          || o.phases().contains("timers")) {
        LockboxUnderTest.Placement placement = placement(temporal, "main");
        progress("Starting Lockbox (api + worker) on " + server);
        try (LockboxUnderTest lockbox =
            new LockboxUnderTest(
                placement,
                o.cacheSize(),
                o.threads(),
                o.verbose(),
                // Timers with seconds-long access windows; no other phase asks for a duration.
                List.of("--lockbox.minimum-access-duration=PT1S"))) {
          startup = lockbox.startupMillis();
          System.out.printf(
              "Lockbox answered /actuator/health UP %d ms after it was launched (Spring's context"
                  + " was ready after %d ms)%n%n",
              startup, lockbox.contextMillis());
          if (o.phases().contains("latency")) {
            latency = latency(o, lockbox);
          }
          if (o.phases().contains("listing")) {
            listing = Listing.run(lockbox, o);
            System.out.println(listingReport(o, listing));
          }
          if (o.phases().contains("timers")) {
            timers = Timers.run(lockbox, o);
            System.out.println(timersReport(timers));
          }
          System.out.println("Client retries: " + lockbox.retryReport() + ".\n");
        }
      }
      List<ProbeResult> memory = o.phases().contains("memory") ? memory(o, temporal) : null;
      return Results.of(latency, listing, timers, memory, startup, server);
    }
  }

  private static LockboxUnderTest.Placement placement(TemporalTarget temporal, String label) {
    return temporal.inProcess()
        ? LockboxUnderTest.Placement.IN_PROCESS
        : new LockboxUnderTest.Placement(temporal.address(), temporal.newNamespace(label));
  }

  static LatencyFigures latency(Options o, LockboxUnderTest lockbox) {
    progress("Starting the bare SDK workers on the same server");
    try (BareSdk bare = BareSdk.trivial(lockbox.client(), lockbox.workerSettings());
        BareSdk same =
            BareSdk.sameShape(lockbox.client(), lockbox.workerSettings(), o.floorLocalLookups())) {
      WorkerSettings s = lockbox.workerSettings();
      System.out.printf(
          "Worker settings (Lockbox's and the bare worker's): workflow-cache-size %d, max-workflow-threads %d, "
              + "%d workflow task slots, %d workflow pollers%n%n",
          s.workflowCacheSize(),
          s.maxWorkflowThreads(),
          s.maxConcurrentWorkflowTasks(),
          s.workflowPollers());

      progress("Warm-up: " + o.warmup() + " creates and decisions of each kind");
      for (int i = 0; i < o.warmup(); i++) {
        lockbox.approve(lockbox.create());
        bare.approve(bare.create());
        same.approve(same.create());
      }

      progress("Create and decide, " + o.ops() + " sequential calls of each kind, interleaved");
      String[] lockboxIds = new String[o.ops()];
      String[] bareIds = new String[o.ops()];
      String[] sameIds = new String[o.ops()];
      Latencies lockboxCreate = new Latencies();
      Latencies bareCreate = new Latencies();
      Latencies sameCreate = new Latencies();
      Runs.interleaved(
          o.ops(),
          i -> lockboxIds[i] = lockboxCreate.time(lockbox::create),
          i -> {
            bareIds[i] = bareCreate.time(bare::create);
            sameIds[i] = sameCreate.time(same::create);
          });
      Latencies lockboxDecide = new Latencies();
      Latencies bareDecide = new Latencies();
      Latencies sameDecide = new Latencies();
      Runs.interleaved(
          o.ops(),
          i -> lockboxDecide.time(() -> lockbox.approve(lockboxIds[i])),
          i -> {
            bareDecide.time(() -> bare.approve(bareIds[i]));
            sameDecide.time(() -> same.approve(sameIds[i]));
          });

      progress(
          "Create throughput: "
              + o.throughputOps()
              + " calls from "
              + o.concurrency()
              + " client threads, each kind");
      Latencies lockboxLoaded = new Latencies();
      Latencies bareLoaded = new Latencies();
      Latencies sameLoaded = new Latencies();
      double lockboxRate =
          Runs.concurrently(
              o.throughputOps(), o.concurrency(), i -> lockboxLoaded.time(lockbox::create));
      double bareRate =
          Runs.concurrently(o.throughputOps(), o.concurrency(), i -> bareLoaded.time(bare::create));
      double sameRate =
          Runs.concurrently(o.throughputOps(), o.concurrency(), i -> sameLoaded.time(same::create));

      System.out.println();
      System.out.printf(
          "1. Create latency, %d sequential calls each (one at a time, interleaved)%n"
              + "   Lockbox: POST /api/lockbox-requests (demo body) until 201 PENDING"
              + " (JIT policy, approvers, notifications, read model)%n"
              + "   trivial: WorkflowClient.start of a trivial workflow + a query%n"
              + "   same shape: Update-with-Start of a workflow running a create's activities"
              + " (no-op bodies%s) until PENDING%n",
          o.ops(),
          o.floorLocalLookups()
              ? "; policy and approvers as local activities, as Lockbox's"
              : "; policy and approvers as activities");
      System.out.println(
          latencyTable(lockboxCreate.summary(), bareCreate.summary(), sameCreate.summary()));

      System.out.printf(
          "2. Decision latency, %d sequential calls each%n"
              + "   Lockbox: POST /api/lockbox-requests/{id}/approve until 200 ACCESS_GRANTED"
              + " (Update + grant activity + read model)%n"
              + "   trivial: one Update round trip on a trivial open workflow%n"
              + "   same shape: one Update that runs a grant and a read-model activity (no-op bodies)%n",
          o.ops());
      System.out.println(
          latencyTable(lockboxDecide.summary(), bareDecide.summary(), sameDecide.summary()));

      System.out.printf(
          "3. Create throughput, %d calls from %d client threads%n",
          o.throughputOps(), o.concurrency());
      Latencies.Summary l = lockboxLoaded.summary();
      Latencies.Summary b = bareLoaded.summary();
      Latencies.Summary ss = sameLoaded.summary();
      System.out.println(
          new Table("", "calls/s", "p50", "p90", "p99", "max")
              .row(
                  "Lockbox REST API",
                  Format.perSecond(lockboxRate),
                  Format.millis(l.p50()),
                  Format.millis(l.p90()),
                  Format.millis(l.p99()),
                  Format.millis(l.max()))
              .row(
                  "bare SDK, trivial",
                  Format.perSecond(bareRate),
                  Format.millis(b.p50()),
                  Format.millis(b.p90()),
                  Format.millis(b.p99()),
                  Format.millis(b.max()))
              .row(
                  "bare SDK, same shape",
                  Format.perSecond(sameRate),
                  Format.millis(ss.p50()),
                  Format.millis(ss.p90()),
                  Format.millis(ss.p99()),
                  Format.millis(ss.max()))
              .row(
                  "Lockbox / trivial",
                  Format.ratio(lockboxRate, bareRate),
                  Format.ratio(l.p50(), b.p50()),
                  Format.ratio(l.p90(), b.p90()),
                  Format.ratio(l.p99(), b.p99()),
                  Format.ratio(l.max(), b.max()))
              .row(
                  "Lockbox / same shape",
                  Format.ratio(lockboxRate, sameRate),
                  Format.ratio(l.p50(), ss.p50()),
                  Format.ratio(l.p90(), ss.p90()),
                  Format.ratio(l.p99(), ss.p99()),
                  Format.ratio(l.max(), ss.max())));
      int openEach = o.warmup() + o.ops() + o.throughputOps();
      System.out.printf(
          "   (%d Lockbox workflows and %d of each bare kind were open at the end of this phase.)%n%n",
          openEach, openEach);
      return new LatencyFigures(
          lockboxCreate.summary(),
          bareCreate.summary(),
          sameCreate.summary(),
          lockboxDecide.summary(),
          bareDecide.summary(),
          sameDecide.summary(),
          lockboxRate,
          bareRate,
          sameRate);
    }
  }

  static String listingReport(Options o, List<Listing.Size> sizes) {
    Table table =
        new Table("open PENDING", "over the API", "read-model rows", "p50", "p90", "p99", "max");
    for (Listing.Size size : sizes) {
      Latencies.Summary l = size.latency();
      table.row(
          String.valueOf(size.listed()),
          String.valueOf(size.overApi()),
          String.valueOf(size.direct()),
          Format.millis(l.p50()),
          Format.millis(l.p90()),
          Format.millis(l.p99()),
          Format.millis(l.max()));
    }
    return String.format(
            "4. Listing one tenant's pending requests: GET /api/lockbox-requests?status=PENDING"
                + "&tenantId=contoso (first page of 20,%n   soonest expiry first) as contoso's"
                + " approver, %d sequential calls per size. Open requests: those left by the"
                + " phases before,%n   more created over the API, the rest written straight into"
                + " the read model (all the listing reads).%n",
            o.listQueries())
        + table;
  }

  static String timersReport(Timers.Figures t) {
    return String.format(
            "5. Revoke timers: %d requests approved with a %s access window in %.1f s (their"
                + " windows end within that long of each other);%n   lateness = the history's"
                + " event time minus the request's accessExpiresAt.%n",
            t.timers(), t.window(), t.setupSeconds())
        + new Table("", "p50", "p90", "p99", "max", "mean")
            .row("TimerFired (the timer fired)", t.fired())
            .row("WorkflowExecutionCompleted (revoked, COMPLETED)", t.completed())
        + String.format(
            "History events of one approve path (created, approved, access ended, COMPLETED),"
                + " one request alone: %d (%d without workflow task events);%n"
                + "   the %d approved at once (events: histories): %s, without workflow task"
                + " events: %s%n",
            t.approvePathEvents(),
            t.approvePathCommandEvents(),
            t.timers(),
            t.eventCounts(),
            t.commandEventCounts());
  }

  static String latencyTable(
      Latencies.Summary lockbox, Latencies.Summary trivial, Latencies.Summary sameShape) {
    return new Table("", "p50", "p90", "p99", "max", "mean")
        .row("Lockbox REST API", lockbox)
        .row("bare SDK, trivial", trivial)
        .row("bare SDK, same shape", sameShape)
        .row(ratios("Lockbox / trivial", lockbox, trivial))
        .row(ratios("Lockbox / same shape", lockbox, sameShape))
        .toString();
  }

  private static String[] ratios(String label, Latencies.Summary lockbox, Latencies.Summary bare) {
    return new String[] {
      label,
      Format.ratio(lockbox.p50(), bare.p50()),
      Format.ratio(lockbox.p90(), bare.p90()),
      Format.ratio(lockbox.p99(), bare.p99()),
      Format.ratio(lockbox.max(), bare.max()),
      Format.ratio(lockbox.mean(), bare.mean())
    };
  }

  static List<ProbeResult> memory(Options o, TemporalTarget temporal) {
    List<ProbeResult> results = new ArrayList<>();
    for (Options.CacheConfig config : o.configs()) {
      LockboxUnderTest.Placement placement = placement(temporal, "memory");
      progress(
          "Memory run "
              + config
              + " (cache:threads): "
              + o.open()
              + " open requests, own JVM, heap "
              + o.probeHeapMb()
              + " MiB");
      results.add(MemoryProbe.runChild(o, config, placement));
    }
    System.out.println();
    System.out.println(memoryReport(o, results));
    return results;
  }

  static String memoryReport(Options o, List<ProbeResult> results) {
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            "6. Memory of %d open (PENDING) requests, one JVM per row (heap fixed at %d MiB and pre-touched, so RSS growth"
                + " is outside the heap).%n"
                + "   cached = workflow threads alive afterwards (each cached workflow holds one). Per open request:"
                + " growth from the idle, warmed-up JVM / %d.%n"
                + "   approve = %d approvals of randomly chosen open requests afterwards (sticky-cache misses when cache < open).%n"
                + "   misses, evicted, failed = the SDK's counters over the run: sticky-cache misses, workflows evicted because"
                + " no workflow thread was free,%n   workflow tasks that failed (and were retried).%n",
            o.open(), o.probeHeapMb(), o.open(), o.decisions()));
    Table table =
        new Table(
            "cache:threads",
            "cached",
            "heap/open",
            "RSS/open",
            "creates/s",
            "create p50",
            "create p99",
            "approve p50",
            "approve p99",
            "misses",
            "evicted",
            "failed");
    double[] cached = new double[results.size()];
    double[] heap = new double[results.size()];
    double[] rss = new double[results.size()];
    for (int i = 0; i < results.size(); i++) {
      ProbeResult r = results.get(i);
      cached[i] = r.after().workflowThreads();
      heap[i] = r.heapGrowth();
      rss[i] = r.rssGrowth();
      table.row(
          r.cacheSize() + ":" + r.threads(),
          String.valueOf(r.after().workflowThreads()),
          Format.kibEach(r.heapGrowth(), r.open()),
          Format.kibEach(r.rssGrowth(), r.open()),
          Format.perSecond(r.createsPerSecond()),
          Format.millis(r.create().p50()),
          Format.millis(r.create().p99()),
          Format.millis(r.decide().p50()),
          Format.millis(r.decide().p99()),
          String.valueOf(r.counters().misses()),
          String.valueOf(r.counters().threadForcedEvictions()),
          String.valueOf(r.counters().taskFailures()));
    }
    out.append(table);
    Line heapLine = Line.fit(cached, heap);
    Line rssLine = Line.fit(cached, rss);
    if (!Double.isNaN(heapLine.slope())) {
      out.append(
          String.format(
              "Least-squares fit over the rows: each cached workflow costs %s of heap and %s of RSS outside the heap;%n"
                  + "each open request costs %s of heap and %s of RSS whatever the cache (the in-process Temporal"
                  + " server's state,%nthe read model, the dev outbox).%n",
              Format.kib(heapLine.slope()),
              Format.kib(rssLine.slope()),
              Format.kibEach(heapLine.intercept(), o.open()),
              Format.kibEach(rssLine.intercept(), o.open())));
    }
    return out.toString();
  }

  private static final long STARTED = System.nanoTime();

  static void progress(String message) {
    System.err.printf("... [%3.0f s] %s%n", (System.nanoTime() - STARTED) / 1e9, message);
  }
}
