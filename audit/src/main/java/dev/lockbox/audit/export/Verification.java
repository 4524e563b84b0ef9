package dev.lockbox.audit.export;

/**
 * The verdict on one export file (or archive directory).
 *
 * @param badLine the first line that fails, 1-based; 0 when intact or when no line is to blame
 */
public record Verification(
    boolean intact, long badLine, String message, long requests, String keyId) {

  static Verification ok(long requests, String keyId, String message) {
    return new Verification(true, 0, message, requests, keyId);
  }

  static Verification badLine(long line, String message) {
    return new Verification(false, line, "line " + line + ": " + message, 0, null);
  }

  static Verification bad(String message) {
    return new Verification(false, 0, message, 0, null);
  }
}
