package dev.lockbox.api.problems;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every error, wherever it is answered (MVC, a security filter, the error controller, the servlet
 * container's valve), in one of two forms: an HTML page for browsers, RFC 9457 {@code
 * application/problem+json} for everyone else ({@link ClientPreference}).
 */
public final class ProblemResponses {

  private static final JsonMapper JSON =
      JsonMapper.builder().addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class).build();
  private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

  private ProblemResponses() {}

  public static ProblemDetail problem(HttpStatusCode status, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    return problem;
  }

  /** For MVC: the problem as the entity body the client asked for. */
  public static ResponseEntity<Object> entity(
      ProblemDetail problem, org.springframework.http.HttpHeaders headers, boolean html) {
    ResponseEntity.BodyBuilder builder =
        ResponseEntity.status(problem.getStatus()).headers(headers);
    return html
        ? builder.contentType(HTML).body(ProblemPage.html(problem))
        : builder.contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
  }

  /** For filters and the container: writes the problem straight into the response. */
  public static void write(
      HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
      throws IOException {
    write(response, problem, ClientPreference.prefersHtml(request));
  }

  public static void write(HttpServletResponse response, ProblemDetail problem, boolean html)
      throws IOException {
    response.setStatus(problem.getStatus());
    byte[] body =
        html
            ? ProblemPage.html(problem).getBytes(StandardCharsets.UTF_8)
            : JSON.writeValueAsBytes(problem);
    response.setContentType(html ? HTML.toString() : MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }
}
