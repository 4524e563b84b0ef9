package dev.lockbox.api.problems;

/** A question or extension the request does not have (404). */
public class ItemNotFoundException extends RuntimeException {

  public ItemNotFoundException(String detail) {
    super(detail);
  }
}
