package dev.lockbox.api.problems;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The servlet container's error page ({@code /error}) in place of Spring Boot's: whatever failed
 * before or outside a controller (a {@code sendError} from a filter, an exception that escaped)
 * answers as problem JSON or HTML like every other error, never with a stack trace, an exception
 * class or the request's own text.
 */
@Controller
class ProblemErrorController implements ErrorController {

  private static final Map<Integer, String[]> TEXTS =
      Map.of(
          400, new String[] {"Bad request", "The request is malformed."},
          401, new String[] {"Sign-in required", "Sign in to use Lockbox."},
          403, new String[] {"Not allowed", "This action was refused."},
          404, new String[] {"Not found", "There is no such page or resource."},
          405, new String[] {"Method not allowed", "This address does not take this method."},
          413, new String[] {"Too large", "The request is too large."},
          429, new String[] {"Too many requests", "Too many attempts; try again later."});

  @RequestMapping("${server.error.path:${error.path:/error}}")
  ResponseEntity<Object> error(HttpServletRequest request) {
    HttpStatusCode status = statusOf(request);
    String[] text =
        TEXTS.getOrDefault(
            status.value(),
            status.is4xxClientError()
                ? new String[] {"Request not possible", "This request cannot be answered."}
                : new String[] {"Something went wrong", "Something went wrong on our side."});
    return ProblemResponses.entity(
        ProblemResponses.problem(status, text[0], text[1]),
        new HttpHeaders(),
        ClientPreference.prefersHtml(request));
  }

  private static HttpStatusCode statusOf(HttpServletRequest request) {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    if (code instanceof Integer value && value >= 400 && value < 600) {
      return HttpStatusCode.valueOf(value);
    }
    return HttpStatus.INTERNAL_SERVER_ERROR;
  }
}
