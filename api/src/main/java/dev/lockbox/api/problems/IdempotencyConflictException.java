package dev.lockbox.api.problems;

/** An Idempotency-Key reused with a different request body. */
public class IdempotencyConflictException extends RuntimeException {

  public IdempotencyConflictException(String detail) {
    super(detail);
  }
}
