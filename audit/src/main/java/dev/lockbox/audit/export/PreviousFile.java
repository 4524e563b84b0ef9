package dev.lockbox.audit.export;

/**
 * The archive file before this one, by name and SHA-256 of its bytes. Each archive file names its
 * predecessor in its signed manifest, so a missing or changed file breaks the chain of files.
 */
public record PreviousFile(String file, String sha256) {}
