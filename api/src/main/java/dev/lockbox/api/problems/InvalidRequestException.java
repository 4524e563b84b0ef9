package dev.lockbox.api.problems;

import java.util.Map;

/** Input the API cannot accept; {@code errors} names each bad field. */
public class InvalidRequestException extends RuntimeException {

  private final Map<String, String> errors;

  public InvalidRequestException(String detail) {
    this(detail, Map.of());
  }

  public InvalidRequestException(String detail, Map<String, String> errors) {
    super(detail);
    this.errors = Map.copyOf(errors);
  }

  public Map<String, String> errors() {
    return errors;
  }
}
