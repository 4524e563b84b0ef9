package dev.lockbox.api.portal;

import dev.lockbox.api.problems.InvalidRequestException;
import dev.lockbox.api.problems.NotAllowedException;
import dev.lockbox.api.problems.RequestNotFoundException;
import dev.lockbox.api.problems.TemporalUnavailableException;
import dev.lockbox.api.problems.TooManyAttemptsException;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Errors of portal pages as HTML pages that say what happened, never a stack trace. Runs before the
 * API's problem-JSON advice, and only for the portal's controllers.
 */
@ControllerAdvice(basePackageClasses = PortalExceptionHandler.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PortalExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(PortalExceptionHandler.class);

  @ExceptionHandler(LinkProblem.class)
  ModelAndView link(LinkProblem e) {
    ModelAndView page = page(e.status(), e.title(), e.getMessage());
    page.addObject("requestId", e.requestId());
    return page;
  }

  @ExceptionHandler({RequestNotFoundException.class, PageNotFoundException.class})
  ModelAndView notFound(RuntimeException e) {
    return page(HttpStatus.NOT_FOUND, "Not found", e.getMessage());
  }

  @ExceptionHandler(NotAllowedException.class)
  ModelAndView forbidden(NotAllowedException e) {
    return page(HttpStatus.FORBIDDEN, "Not allowed", e.getMessage());
  }

  @ExceptionHandler(InvalidRequestException.class)
  ModelAndView invalid(InvalidRequestException e) {
    return page(HttpStatus.BAD_REQUEST, "Please check your input", e.getMessage());
  }

  @ExceptionHandler({
    MethodArgumentTypeMismatchException.class,
    MissingServletRequestParameterException.class
  })
  ModelAndView badParameter(Exception e) {
    return page(
        HttpStatus.BAD_REQUEST,
        "Please check your input",
        "A parameter of this page is missing or malformed.");
  }

  @ExceptionHandler(TooManyAttemptsException.class)
  ModelAndView tooMany(TooManyAttemptsException e, HttpServletResponse response) {
    response.setHeader(HttpHeaders.RETRY_AFTER, TooManyAttemptsException.seconds(e.retryAfter()));
    return page(HttpStatus.TOO_MANY_REQUESTS, "Too many attempts", e.getMessage());
  }

  @ExceptionHandler(TemporalUnavailableException.class)
  ModelAndView unavailable(TemporalUnavailableException e, HttpServletResponse response) {
    log.warn("Temporal unavailable or busy: {}", String.valueOf(e.getCause()));
    response.setHeader(HttpHeaders.RETRY_AFTER, TemporalUnavailableException.RETRY_AFTER_SECONDS);
    return page(
        HttpStatus.SERVICE_UNAVAILABLE,
        "Lockbox is briefly unavailable",
        "Lockbox cannot reach its workflow service right now. Nothing was changed; try again in a minute.");
  }

  @ExceptionHandler(RuntimeException.class)
  ModelAndView unexpected(RuntimeException e) {
    log.error("Unexpected error in the portal", e);
    return page(
        HttpStatus.INTERNAL_SERVER_ERROR,
        "Something went wrong",
        "Something went wrong on our side; it has been logged. Nothing you did caused it.");
  }

  private static ModelAndView page(HttpStatus status, String title, String detail) {
    ModelAndView page = new ModelAndView("portal/problem");
    page.setStatus(status);
    page.addObject("status", status.value());
    page.addObject("title", title);
    page.addObject("detail", detail);
    return page;
  }
}
