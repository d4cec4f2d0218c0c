package dev.agentos.auth.web;

import java.io.IOException;
import java.io.Writer;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * Tomcat's error report as problem+json instead of its HTML page: what Tomcat refuses before any
 * servlet runs (a malformed or too large request line or header, an encoded {@code /} or NUL in the
 * path) is answered in the same form as every other refusal of the API. It says what kind of
 * request is refused, never what Tomcat found inside it.
 */
public class ProblemJsonErrorReportValve extends ErrorReportValve {

  @Override
  protected void report(Request request, Response response, Throwable throwable) {
    int status = response.getStatus();
    if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
      return;
    }
    try {
      response.setContentType(ProblemBodies.CONTENT_TYPE);
      response.setCharacterEncoding("UTF-8");
      Writer writer = response.getReporter();
      if (writer != null) {
        ProblemBodies.write(
            writer, status, ProblemBodies.typeFor(status), ProblemBodies.detailFor(status));
        response.finishResponse();
      }
    } catch (IOException | IllegalStateException e) {
      // The connection is gone or the response committed meanwhile: nothing more can be said.
    }
  }
}
