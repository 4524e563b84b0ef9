package dev.lockbox.api.problems;

import jakarta.servlet.http.HttpServletRequest;
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
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of a controller as an RFC 9457 problem, or as an HTML page when a browser asks
 * ({@link ProblemResponses}). User errors get a 4xx with a detail that says what to change; nothing
 * internal (stack traces, class names) ever reaches the caller.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

  @ExceptionHandler(RequestNotFoundException.class)
  ResponseEntity<Object> notFound(RequestNotFoundException e, WebRequest request) {
    return respond(problem(HttpStatus.NOT_FOUND, "Request not found", e.getMessage()), request);
  }

  @ExceptionHandler(ItemNotFoundException.class)
  ResponseEntity<Object> itemNotFound(ItemNotFoundException e, WebRequest request) {
    return respond(problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage()), request);
  }

  @ExceptionHandler(DecisionConflictException.class)
  ResponseEntity<Object> conflict(DecisionConflictException e, WebRequest request) {
    ProblemDetail problem =
        problem(HttpStatus.CONFLICT, "Decision no longer possible", e.getMessage());
    problem.setProperty("currentStatus", e.currentStatus());
    return respond(problem, request);
  }

  @ExceptionHandler(NotAllowedException.class)
  ResponseEntity<Object> forbidden(NotAllowedException e, WebRequest request) {
    return respond(problem(HttpStatus.FORBIDDEN, "Not allowed", e.getMessage()), request);
  }

  @ExceptionHandler(InvalidRequestException.class)
  ResponseEntity<Object> invalid(InvalidRequestException e, WebRequest request) {
    ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid request", e.getMessage());
    if (!e.errors().isEmpty()) {
      problem.setProperty("errors", e.errors());
    }
    return respond(problem, request);
  }

  @ExceptionHandler(IdempotencyConflictException.class)
  ResponseEntity<Object> idempotencyConflict(IdempotencyConflictException e, WebRequest request) {
    return respond(
        problem(HttpStatus.UNPROCESSABLE_CONTENT, "Idempotency-Key reused", e.getMessage()),
        request);
  }

  @ExceptionHandler(TooManyAttemptsException.class)
  ResponseEntity<Object> tooMany(TooManyAttemptsException e, WebRequest request) {
    HttpHeaders headers = new HttpHeaders();
    headers.set(HttpHeaders.RETRY_AFTER, TooManyAttemptsException.seconds(e.retryAfter()));
    ProblemDetail problem =
        problem(HttpStatus.TOO_MANY_REQUESTS, "Too many requests", e.getMessage());
    return ProblemResponses.entity(problem, headers, prefersHtml(request));
  }

  @ExceptionHandler(TemporalUnavailableException.class)
  ResponseEntity<Object> unavailable(TemporalUnavailableException e, WebRequest request) {
    log.warn("Temporal unavailable or busy: {}", String.valueOf(e.getCause()));
    HttpHeaders headers = new HttpHeaders();
    headers.set(HttpHeaders.RETRY_AFTER, TemporalUnavailableException.RETRY_AFTER_SECONDS);
    ProblemDetail problem =
        problem(HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable", e.getMessage());
    return ProblemResponses.entity(problem, headers, prefersHtml(request));
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
    return respond(problem, request);
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
    return respond(problem, request);
  }

  /**
   * Spring MVC's own errors (unknown path, wrong method, media type, parameter type, missing
   * parameter) all pass through here: answered as HTML or problem JSON like every other error.
   */
  @Override
  protected ResponseEntity<Object> createResponseEntity(
      Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
    ProblemDetail problem =
        body instanceof ProblemDetail detail
            ? detail
            : problem(statusCode, "Request not possible", "This request cannot be answered.");
    return ProblemResponses.entity(problem, headers, prefersHtml(request));
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
  ResponseEntity<Object> unexpected(RuntimeException e, WebRequest request) {
    log.error("Unexpected error", e);
    return respond(
        problem(
            HttpStatus.INTERNAL_SERVER_ERROR,
            "Internal error",
            "Something went wrong on our side; it has been logged."),
        request);
  }

  private static ResponseEntity<Object> respond(ProblemDetail problem, WebRequest request) {
    return ProblemResponses.entity(problem, new HttpHeaders(), prefersHtml(request));
  }

  private static boolean prefersHtml(WebRequest request) {
    HttpServletRequest servlet =
        request instanceof NativeWebRequest n ? n.getNativeRequest(HttpServletRequest.class) : null;
    return servlet != null && ClientPreference.prefersHtml(servlet);
  }

  private static ProblemDetail problem(HttpStatusCode status, String title, String detail) {
    return ProblemResponses.problem(status, title, detail);
  }
}
