package dev.agentos.query.web;

import dev.agentos.auth.ProblemJsonHandler;
import dev.agentos.readmodels.memory.ListFiltersUnavailableException;
import dev.agentos.readmodels.paging.InvalidCursorException;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * The query side's refusals as {@code application/problem+json}, on top of those both APIs share
 * ({@link ProblemJsonHandler}: 401, 403, 500): 404 for what the caller's tenant does not have, 422
 * naming the query parameter that is wrong, 501 for what is documented but not built yet, 503 with
 * {@code Retry-After} for what a read model's rebuild makes unavailable for a while.
 */
@RestControllerAdvice
public class ProblemHandler extends ProblemJsonHandler {

  /**
   * Seconds a client should wait before listing by type or tag again during a rebuild: the indexes
   * build within a minute of a replay catching up, the replay itself takes longer.
   */
  static final int LIST_FILTERS_RETRY_AFTER_SECONDS = 30;

  public ProblemHandler() {
    super("an internal error occurred");
  }

  @ExceptionHandler(NotFoundException.class)
  ProblemDetail notFound(NotFoundException e) {
    return problem(HttpStatus.NOT_FOUND, "not-found", e.getMessage());
  }

  @ExceptionHandler(InvalidQueryException.class)
  ProblemDetail invalid(InvalidQueryException e) {
    return invalidField(e.field(), e.getMessage());
  }

  /** Search, related graph and categories check their requests in the library, by field. */
  @ExceptionHandler(dev.agentos.readmodels.search.InvalidQueryException.class)
  ProblemDetail invalidSearch(dev.agentos.readmodels.search.InvalidQueryException e) {
    return invalidField(e.field(), e.getMessage());
  }

  @ExceptionHandler(InvalidCursorException.class)
  ProblemDetail invalidCursor(InvalidCursorException e) {
    return invalidField("cursor", "cursor: " + e.getMessage());
  }

  /**
   * A list by type or tag while a rebuild of the memory read model has its indexes dropped or
   * building: a temporary 503, not a 500 and not a list missing rows (ADR 0007).
   */
  @ExceptionHandler(ListFiltersUnavailableException.class)
  ResponseEntity<ProblemDetail> listFiltersUnavailable(ListFiltersUnavailableException e) {
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header(HttpHeaders.RETRY_AFTER, String.valueOf(LIST_FILTERS_RETRY_AFTER_SECONDS))
        .body(problem(HttpStatus.SERVICE_UNAVAILABLE, "rebuilding", e.getMessage()));
  }

  @ExceptionHandler(NotBuiltYetException.class)
  ProblemDetail notBuiltYet(NotBuiltYetException e) {
    return problem(HttpStatus.NOT_IMPLEMENTED, "not-implemented", e.getMessage());
  }

  /** A query parameter that does not parse (e.g. {@code limit=ten}) is a 422 that names it. */
  @Override
  protected ResponseEntity<Object> handleTypeMismatch(
      TypeMismatchException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    String field =
        e instanceof MethodArgumentTypeMismatchException argument
            ? argument.getName()
            : e.getPropertyName();
    return ResponseEntity.unprocessableEntity()
        .body(
            invalidField(
                field,
                field
                    + ": cannot read "
                    + quoted(e.getValue())
                    + " as "
                    + typeName(e.getRequiredType())));
  }
}
