package dev.agentos.auth;

import dev.agentos.auth.json.JsonProblems;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The refusals both HTTP APIs share, as {@code application/problem+json} (RFC 9457) that names what
 * is wrong: {@code detail} says it in words, {@code field} (for 422) says where (a body's field or
 * a header), never naming Java classes or library settings. Each application extends it with a
 * {@code @RestControllerAdvice} that adds its own refusals; Spring's own handler already covers
 * 405, 406 and 415 the same way.
 */
public abstract class ProblemJsonHandler extends ResponseEntityExceptionHandler {

  /** Where the type URIs of every problem answer start; the last segment names the kind. */
  public static final String TYPE_BASE = "https://agentos.dev/problems/";

  private final String internalErrorDetail;

  /**
   * @param internalErrorDetail what a 500 tells the client, before its incident id (e.g. whether
   *     anything was accepted)
   */
  protected ProblemJsonHandler(String internalErrorDetail) {
    this.internalErrorDetail = internalErrorDetail;
  }

  @ExceptionHandler(UnauthenticatedException.class)
  public ResponseEntity<ProblemDetail> unauthenticated(UnauthenticatedException e) {
    return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
        .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"agentos\"")
        .body(problem(HttpStatus.UNAUTHORIZED, "unauthenticated", e.getMessage()));
  }

  @ExceptionHandler(ForbiddenException.class)
  public ProblemDetail forbidden(ForbiddenException e) {
    return problem(HttpStatus.FORBIDDEN, "forbidden", e.getMessage());
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    List<Map<String, String>> errors =
        e.getBindingResult().getFieldErrors().stream()
            .map(
                error ->
                    Map.of(
                        "field",
                        error.getField(),
                        "reason",
                        String.valueOf(error.getDefaultMessage())))
            .toList();
    String detail =
        errors.stream()
            .map(error -> error.get("field") + ": " + error.get("reason"))
            .collect(Collectors.joining("; "));
    ProblemDetail problem =
        invalidField(errors.isEmpty() ? null : errors.get(0).get("field"), detail);
    problem.setProperty("errors", errors);
    return ResponseEntity.unprocessableEntity().body(problem);
  }

  /**
   * A body Jackson could not read: 413 when it grew past the limit while being read, 400 when it is
   * not one well-formed JSON object, 422 naming the field whose value is wrong ({@link
   * JsonProblems}).
   */
  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    ProblemDetail problem = JsonProblems.describe(e.getCause());
    return ResponseEntity.status(problem.getStatus()).body(problem);
  }

  @ExceptionHandler(PayloadTooLargeException.class)
  public ProblemDetail tooLarge(PayloadTooLargeException e) {
    return problem(HttpStatus.PAYLOAD_TOO_LARGE, "payload-too-large", e.getMessage());
  }

  @ExceptionHandler(InvalidContextIdException.class)
  public ProblemDetail invalidContextId(InvalidContextIdException e) {
    return invalidField(e.field(), e.getMessage());
  }

  /** Anything unforeseen: logged with its stack, answered without internals. */
  @ExceptionHandler(Exception.class)
  public ProblemDetail unexpected(Exception e) {
    String incident = UUID.randomUUID().toString();
    logger.error("incident " + incident, e);
    ProblemDetail problem =
        problem(
            HttpStatus.INTERNAL_SERVER_ERROR,
            "internal",
            internalErrorDetail + ". Incident " + incident);
    problem.setProperty("incident", incident);
    return problem;
  }

  /** A 422 naming the {@code field} (may be null) that is wrong. */
  public static ProblemDetail invalidField(String field, String detail) {
    ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_ENTITY, "invalid", detail);
    if (field != null) {
      problem.setProperty("field", field);
    }
    return problem;
  }

  /** A problem of {@code type} (the last segment of its type URI). */
  public static ProblemDetail problem(HttpStatus status, String type, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(URI.create(TYPE_BASE + type));
    return problem;
  }

  protected static String quoted(Object value) {
    return value instanceof String ? "\"" + value + "\"" : String.valueOf(value);
  }

  /** A type as the JSON or text a client writes for it. */
  protected static String typeName(Class<?> type) {
    return JsonProblems.shape(type);
  }
}
