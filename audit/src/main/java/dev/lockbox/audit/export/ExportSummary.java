package dev.lockbox.audit.export;

/**
 * What an export wrote: the number of requests, the final link of its hash chain and the SHA-256 of
 * the whole file (what the next archive file links to).
 */
public record ExportSummary(long count, String chain, String fileSha256) {}
