package dev.agentos.auth;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * The ids that put a request in context: {@code X-Session-Id} and {@code X-Trace-Id}, and a session
 * named in the path ({@code /v1/sessions/{sessionId}/…}). The events a request causes carry them,
 * so each must be one id by {@link Ids}' rule, like every id in a body; otherwise 422 naming the
 * header or {@code sessionId}. Checked before any body is read; a blank header counts as absent.
 */
public class ContextIds implements HandlerInterceptor {

  /** The agent session a request belongs to. */
  public static final String SESSION = "X-Session-Id";

  /** A trace id that ties the request to the caller's own logs. */
  public static final String TRACE = "X-Trace-Id";

  /** The path variable that names a session. */
  static final String SESSION_IN_PATH = "sessionId";

  @Override
  public boolean preHandle(
      HttpServletRequest request, HttpServletResponse response, Object handler) {
    checkHeader(request, SESSION);
    checkHeader(request, TRACE);
    if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE)
            instanceof Map<?, ?> path
        && path.get(SESSION_IN_PATH) instanceof String session
        && !Ids.valid(session)) {
      throw new InvalidContextIdException(SESSION_IN_PATH, Ids.RULE);
    }
    return true;
  }

  private static void checkHeader(HttpServletRequest request, String header) {
    List<String> values =
        Collections.list(request.getHeaders(header)).stream().filter(v -> !v.isBlank()).toList();
    if (values.size() > 1) {
      throw new InvalidContextIdException(header, "send it once");
    }
    if (values.size() == 1 && !Ids.valid(values.get(0))) {
      throw new InvalidContextIdException(header, Ids.RULE);
    }
  }
}
