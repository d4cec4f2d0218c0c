package dev.agentos.auth.web;

import dev.agentos.auth.PayloadTooLargeException;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The {@code /error} page Spring Boot forwards to when a request fails outside a controller (in a
 * filter, or a {@code sendError}), as problem+json in place of Boot's own JSON or HTML page. It
 * says only what the status means; what went wrong inside is logged by whoever failed.
 */
@Controller
public class ProblemJsonErrorController implements ErrorController {

  @RequestMapping("${server.error.path:${error.path:/error}}")
  public void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
    int status = status(request);
    response.setStatus(status);
    response.setContentType(ProblemBodies.CONTENT_TYPE);
    response.setCharacterEncoding("UTF-8");
    String detail =
        status == 413 && tooLarge(request) != null
            ? tooLarge(request).getMessage()
            : ProblemBodies.detailFor(status);
    ProblemBodies.write(response.getWriter(), status, ProblemBodies.typeFor(status), detail);
  }

  private static int status(HttpServletRequest request) {
    if (tooLarge(request) != null) {
      return 413;
    }
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    return code instanceof Integer status && status >= 400 ? status : 500;
  }

  private static PayloadTooLargeException tooLarge(HttpServletRequest request) {
    Object error = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
    for (Throwable cause = error instanceof Throwable t ? t : null;
        cause != null;
        cause = cause.getCause()) {
      if (cause instanceof PayloadTooLargeException tooLarge) {
        return tooLarge;
      }
    }
    return null;
  }
}
