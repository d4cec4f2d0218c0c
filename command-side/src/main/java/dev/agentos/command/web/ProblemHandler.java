package dev.agentos.command.web;

import dev.agentos.auth.ProblemJsonHandler;
import dev.agentos.command.EventTooLargeException;
import dev.agentos.command.InvalidCommandException;
import dev.agentos.command.NotFoundException;
import dev.agentos.command.OutsideTenantException;
import dev.agentos.command.RuleViolationException;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;

/**
 * The command side's refusals as {@code application/problem+json}, on top of those both APIs share
 * ({@link ProblemJsonHandler}: 401, 403, 422 for invalid bodies, 500): missing aggregates, version
 * conflicts, broken rules, oversize payloads.
 */
@RestControllerAdvice
public class ProblemHandler extends ProblemJsonHandler {

  public ProblemHandler() {
    super("an internal error occurred; nothing was accepted");
  }

  @ExceptionHandler(OutsideTenantException.class)
  ProblemDetail outsideTenant(OutsideTenantException e) {
    return problem(HttpStatus.FORBIDDEN, "forbidden", e.getMessage());
  }

  @ExceptionHandler(NotFoundException.class)
  ProblemDetail notFound(NotFoundException e) {
    return problem(HttpStatus.NOT_FOUND, "not-found", e.getMessage());
  }

  @ExceptionHandler(AggregateNotFoundException.class)
  ProblemDetail aggregateNotFound(AggregateNotFoundException e) {
    return problem(
        HttpStatus.NOT_FOUND, "not-found", "nothing with id " + e.getAggregateIdentifier());
  }

  /** Aggregate ids share one event store; an id of another kind is not the item asked for. */
  @ExceptionHandler(IncompatibleAggregateException.class)
  ProblemDetail otherKind(IncompatibleAggregateException e) {
    return problem(HttpStatus.NOT_FOUND, "not-found", "nothing of this kind with this id");
  }

  @ExceptionHandler(ConflictingAggregateVersionException.class)
  ProblemDetail versionConflict(ConflictingAggregateVersionException e) {
    ProblemDetail problem =
        problem(
            HttpStatus.CONFLICT,
            "version-conflict",
            "If-Match expected version "
                + e.getExpectedVersion()
                + " but it is at version "
                + e.getActualVersion()
                + ": read it again and retry");
    problem.setProperty("currentVersion", e.getActualVersion());
    return problem;
  }

  @ExceptionHandler(AggregateStreamCreationException.class)
  ProblemDetail alreadyExists(AggregateStreamCreationException e) {
    return problem(HttpStatus.CONFLICT, "already-exists", "an item with this id already exists");
  }

  /** Two commands on one aggregate raced, or an id was reused: the loser may retry. */
  @ExceptionHandler(EventStoreException.class)
  ProblemDetail concurrentChange(EventStoreException e) {
    return problem(
        HttpStatus.CONFLICT,
        "concurrent-change",
        "another change to the same item was stored first: read it again and retry");
  }

  @ExceptionHandler(RuleViolationException.class)
  ProblemDetail ruleViolation(RuleViolationException e) {
    return problem(HttpStatus.CONFLICT, "rule-violation", e.getMessage());
  }

  @ExceptionHandler(InvalidCommandException.class)
  ProblemDetail invalid(InvalidCommandException e) {
    return invalidField(e.field(), e.getMessage());
  }

  @ExceptionHandler(EventTooLargeException.class)
  ProblemDetail eventTooLarge(EventTooLargeException e) {
    ProblemDetail problem = tooLarge(e);
    problem.setProperty("field", e.field());
    return problem;
  }

  @ExceptionHandler(PayloadTooLargeException.class)
  ProblemDetail tooLarge(PayloadTooLargeException e) {
    return problem(HttpStatus.PAYLOAD_TOO_LARGE, "payload-too-large", e.getMessage());
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    if (e.getCause() instanceof PayloadTooLargeException tooLarge) {
      return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(tooLarge(tooLarge));
    }
    return super.handleHttpMessageNotReadable(e, headers, status, request);
  }
}
