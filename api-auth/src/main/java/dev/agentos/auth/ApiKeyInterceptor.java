package dev.agentos.auth;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import org.springframework.http.HttpHeaders;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Authenticates every {@code /v1} request by its API key ({@code Authorization: Bearer <key>}, the
 * scheme in any case as RFC 9110 says, or {@code X-API-Key: <key>}) and checks the scope the
 * endpoint declares with {@link RequiresScope}, before any body is read or any command is sent.
 */
public class ApiKeyInterceptor implements HandlerInterceptor {

  static final String CALLER = ApiKeyInterceptor.class.getName() + ".caller";
  private static final String BEARER = "Bearer ";

  private final ApiKeyDirectory directory;
  private final Clock clock;

  public ApiKeyInterceptor(ApiKeyDirectory directory, Clock clock) {
    this.directory = directory;
    this.clock = clock;
  }

  @Override
  public boolean preHandle(
      HttpServletRequest request, HttpServletResponse response, Object handler) {
    if (!(handler instanceof HandlerMethod method)) {
      return true;
    }
    RequiresScope required = method.getMethodAnnotation(RequiresScope.class);
    if (required == null) {
      throw new IllegalStateException(method + " declares no @RequiresScope");
    }
    String key = keyOf(request);
    Caller caller =
        directory
            .authenticate(key, clock.instant())
            .orElseThrow(
                () -> new UnauthenticatedException("the API key is unknown, revoked or expired"));
    if (!caller.may(required.value())) {
      throw new ForbiddenException(
          "this API key lacks the scope " + required.value() + " that this endpoint needs");
    }
    request.setAttribute(CALLER, caller);
    return true;
  }

  private static String keyOf(HttpServletRequest request) {
    String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
    if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return authorization.substring(BEARER.length()).trim();
    }
    String header = request.getHeader("X-API-Key");
    if (header != null && !header.isBlank()) {
      return header.trim();
    }
    throw new UnauthenticatedException(
        "no API key: send it as 'Authorization: Bearer <key>' or 'X-API-Key: <key>'");
  }
}
