package dev.lockbox.benchmark;

/**
 * What the latency phase measured: sequential creates and approves of Lockbox and of both bare
 * baselines, and the create throughput of each from several client threads (calls per second).
 */
record LatencyFigures(
    Latencies.Summary lockboxCreate,
    Latencies.Summary trivialCreate,
    Latencies.Summary sameShapeCreate,
    Latencies.Summary lockboxApprove,
    Latencies.Summary trivialApprove,
    Latencies.Summary sameShapeApprove,
    double lockboxRate,
    double trivialRate,
    double sameShapeRate) {}
