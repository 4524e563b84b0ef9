package dev.lockbox.api.problems;

/** Unknown request, or one the caller may not see (both look the same from outside). */
public class RequestNotFoundException extends RuntimeException {

  private static final int ECHOED = 64;

  public RequestNotFoundException(String requestId) {
    super("No lockbox request " + shortened(requestId) + " is visible to you.");
  }

  /** Echo enough to recognise the id, never a whole oversized path segment. */
  private static String shortened(String requestId) {
    return requestId.length() <= ECHOED ? requestId : requestId.substring(0, ECHOED) + "…";
  }
}
