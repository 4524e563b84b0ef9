package dev.lockbox.api.problems;

/** Unknown request, or one the caller may not see (both look the same from outside). */
public class RequestNotFoundException extends RuntimeException {

  public RequestNotFoundException(String requestId) {
    super("No lockbox request " + requestId + " is visible to you.");
  }
}
