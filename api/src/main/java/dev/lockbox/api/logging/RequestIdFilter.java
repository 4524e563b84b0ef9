package dev.lockbox.api.logging;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every HTTP request an id, in the log context ({@code requestId}) and in the {@code
 * X-Request-Id} response header, so a caller's report and the logs meet. A caller's own id is kept
 * when it is a plain token; anything else (e.g. an attempt to forge log lines) is replaced.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestIdFilter extends OncePerRequestFilter {

  public static final String HEADER = "X-Request-Id";
  public static final String REQUEST_ID = "requestId";

  private static final Pattern PLAIN_TOKEN = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String id = requestIdOf(request.getHeader(HEADER));
    MDC.put(REQUEST_ID, id);
    response.setHeader(HEADER, id);
    try {
      chain.doFilter(request, response);
    } finally {
      MDC.remove(REQUEST_ID);
      MDC.remove(WorkflowIdLogContext.WORKFLOW_ID);
    }
  }

  static String requestIdOf(String given) {
    return given != null && PLAIN_TOKEN.matcher(given).matches()
        ? given
        : UUID.randomUUID().toString();
  }
}
