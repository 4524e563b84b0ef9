package dev.lockbox.api.problems;

/** The caller is signed in and may see the request, but may not do this to it. */
public class NotAllowedException extends RuntimeException {

  public NotAllowedException(String detail) {
    super(detail);
  }
}
