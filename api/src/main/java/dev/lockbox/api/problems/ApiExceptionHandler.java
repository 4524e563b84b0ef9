package dev.lockbox.api.problems;

import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every API error as an RFC 9457 problem. User errors get a 4xx with a detail that says what to
 * change; nothing internal (stack traces, class names) ever reaches the caller.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

  @ExceptionHandler(RequestNotFoundException.class)
  ProblemDetail notFound(RequestNotFoundException e) {
    return problem(HttpStatus.NOT_FOUND, "Request not found", e.getMessage());
  }

  @ExceptionHandler(DecisionConflictException.class)
  ProblemDetail conflict(DecisionConflictException e) {
    ProblemDetail problem =
        problem(HttpStatus.CONFLICT, "Decision no longer possible", e.getMessage());
    problem.setProperty("currentStatus", e.currentStatus());
    return problem;
  }

  @ExceptionHandler(NotAllowedException.class)
  ProblemDetail forbidden(NotAllowedException e) {
    return problem(HttpStatus.FORBIDDEN, "Not allowed", e.getMessage());
  }

  @ExceptionHandler(InvalidRequestException.class)
  ProblemDetail invalid(InvalidRequestException e) {
    ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid request", e.getMessage());
    if (!e.errors().isEmpty()) {
      problem.setProperty("errors", e.errors());
    }
    return problem;
  }

  @ExceptionHandler(IdempotencyConflictException.class)
  ProblemDetail idempotencyConflict(IdempotencyConflictException e) {
    return problem(HttpStatus.UNPROCESSABLE_CONTENT, "Idempotency-Key reused", e.getMessage());
  }

  @ExceptionHandler(TemporalUnavailableException.class)
  ProblemDetail unavailable(TemporalUnavailableException e) {
    log.warn("Temporal unavailable", e.getCause());
    return problem(HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable", e.getMessage());
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    Map<String, String> errors = new LinkedHashMap<>();
    for (FieldError error : e.getBindingResult().getFieldErrors()) {
      errors.putIfAbsent(error.getField(), error.getDefaultMessage());
    }
    ProblemDetail problem =
        problem(
            HttpStatus.BAD_REQUEST,
            "Invalid request",
            "Some fields are missing or invalid: " + errors.keySet() + ".");
    problem.setProperty("errors", errors);
    return ResponseEntity.badRequest().body(problem);
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    ProblemDetail problem =
        problem(
            HttpStatus.BAD_REQUEST,
            "Unreadable body",
            "The body is not the JSON this endpoint takes: " + readable(e));
    return ResponseEntity.badRequest().body(problem);
  }

  /** Names the field Jackson stumbled on without echoing parser internals. */
  private static String readable(HttpMessageNotReadableException e) {
    Throwable cause = e.getMostSpecificCause();
    if (cause instanceof tools.jackson.databind.exc.UnrecognizedPropertyException unknown) {
      return "unknown field '" + unknown.getPropertyName() + "'.";
    }
    if (cause instanceof tools.jackson.databind.DatabindException databind
        && !databind.getPath().isEmpty()) {
      return "field '"
          + databind.getPathReference().replaceAll(".*\\[\"?|\"?\\]", "")
          + "' has the wrong type.";
    }
    return "malformed JSON.";
  }

  /** A bug, not a user error: logged in full, answered without internals. */
  @ExceptionHandler(RuntimeException.class)
  ProblemDetail unexpected(RuntimeException e) {
    log.error("Unexpected error", e);
    return problem(
        HttpStatus.INTERNAL_SERVER_ERROR,
        "Internal error",
        "Something went wrong on our side; it has been logged.");
  }

  private static ProblemDetail problem(HttpStatus status, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    return problem;
  }
}
