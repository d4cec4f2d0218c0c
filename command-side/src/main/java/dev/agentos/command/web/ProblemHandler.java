package dev.agentos.command.web;

import dev.agentos.auth.ProblemJsonHandler;
import dev.agentos.command.EventTooLargeException;
import dev.agentos.command.InvalidCommandException;
import dev.agentos.command.NotFoundException;
import dev.agentos.command.RuleViolationException;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The command side's refusals as {@code application/problem+json}, on top of those both APIs share
 * ({@link ProblemJsonHandler}: 401, 403, 413, 422 for invalid bodies and headers, 500): missing
 * aggregates, version conflicts, broken rules. An id of another tenant, of another project for a
 * key bound to one, or of another kind answers exactly as an unknown id.
 */
@RestControllerAdvice
public class ProblemHandler extends ProblemJsonHandler {

  public ProblemHandler() {
    super("an internal error occurred; nothing was accepted");
  }

  @ExceptionHandler(NotFoundException.class)
  ProblemDetail notFound(NotFoundException e) {
    return problem(HttpStatus.NOT_FOUND, "not-found", e.getMessage());
  }

  /** An unknown id: the same answer as for an item the caller may not see. */
  @ExceptionHandler(AggregateNotFoundException.class)
  ProblemDetail aggregateNotFound(AggregateNotFoundException e) {
    return notFound(NotFoundException.item());
  }

  /**
   * Aggregate ids share one event store; an id of another kind is not the item asked for, and says
   * no more about it than an unknown id would.
   */
  @ExceptionHandler(IncompatibleAggregateException.class)
  ProblemDetail otherKind(IncompatibleAggregateException e) {
    return notFound(NotFoundException.item());
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
    return problem(HttpStatus.CONFLICT, e.kind(), e.getMessage());
  }

  @ExceptionHandler(InvalidCommandException.class)
  ProblemDetail invalid(InvalidCommandException e) {
    return invalidField(e.field(), e.getMessage());
  }

  /** An event too large to publish: the shared 413, naming the event's largest field. */
  @ExceptionHandler(EventTooLargeException.class)
  ProblemDetail eventTooLarge(EventTooLargeException e) {
    ProblemDetail problem = tooLarge(e);
    problem.setProperty("field", e.field());
    return problem;
  }
}
