package dev.lockbox.api.problems;

import java.io.IOException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatusCode;

/**
 * Tomcat's own error answer (a malformed URI, a header too large, anything rejected before Spring
 * sees the request) as problem JSON or HTML instead of Tomcat's page. Never shows the server's
 * version or an exception.
 */
public class ProblemReportValve extends ErrorReportValve {

  public ProblemReportValve() {
    setShowReport(false);
    setShowServerInfo(false);
  }

  @Override
  protected void report(Request request, Response response, Throwable throwable) {
    int status = response.getStatus();
    if (status < 400 || response.getContentWritten() > 0) {
      return;
    }
    try {
      response.resetBuffer();
      boolean html = ClientPreference.prefersHtml(request.getHeader("Accept"));
      String detail =
          status < 500 ? "The request is malformed or too large." : "The server failed.";
      String title = status < 500 ? "Bad request" : "Something went wrong";
      ProblemResponses.write(
          response.getResponse(),
          ProblemResponses.problem(HttpStatusCode.valueOf(status), title, detail),
          html);
      response.finishResponse();
    } catch (IOException | IllegalStateException e) {
      // The connection is gone or the response already committed: nothing more to say.
    }
  }
}
