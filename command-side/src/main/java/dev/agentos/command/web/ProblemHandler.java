package dev.agentos.command.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.agentos.command.InvalidCommandException;
import dev.agentos.command.NotFoundException;
import dev.agentos.command.OutsideTenantException;
import dev.agentos.command.RuleViolationException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
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
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every refusal into {@code application/problem+json} (RFC 9457) that names what is wrong:
 * {@code detail} says it in words, {@code field} (for 422) says where. Spring's own handler already
 * covers 405, 406 and 415 the same way.
 */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {

  private static final String TYPE_BASE = "https://agentos.dev/problems/";

  @ExceptionHandler(UnauthenticatedException.class)
  ResponseEntity<ProblemDetail> unauthenticated(UnauthenticatedException e) {
    return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
        .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"agentos\"")
        .body(problem(HttpStatus.UNAUTHORIZED, "unauthenticated", e.getMessage()));
  }

  @ExceptionHandler({ForbiddenException.class, OutsideTenantException.class})
  ProblemDetail forbidden(RuntimeException e) {
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

  @ExceptionHandler(PayloadTooLargeException.class)
  ProblemDetail tooLarge(PayloadTooLargeException e) {
    return problem(HttpStatus.PAYLOAD_TOO_LARGE, "payload-too-large", e.getMessage());
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

  /** Malformed JSON is a 400; well-formed JSON with a value of the wrong type names the field. */
  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    if (e.getCause() instanceof PayloadTooLargeException tooLarge) {
      return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(tooLarge(tooLarge));
    }
    if (e.getCause() instanceof UnrecognizedPropertyException unknown) {
      String field = path(unknown);
      return ResponseEntity.unprocessableEntity()
          .body(
              invalidField(
                  field, field + ": unknown field; known: " + unknown.getKnownPropertyIds()));
    }
    if (e.getCause() instanceof MismatchedInputException mismatch
        && !mismatch.getPath().isEmpty()) {
      String field = path(mismatch);
      String reason =
          mismatch instanceof InvalidFormatException format
              ? "cannot read "
                  + quoted(format.getValue())
                  + " as "
                  + typeName(format.getTargetType())
              : "wrong type, expected " + typeName(mismatch.getTargetType());
      return ResponseEntity.unprocessableEntity().body(invalidField(field, field + ": " + reason));
    }
    String detail =
        e.getCause() instanceof JsonProcessingException json
            ? "malformed JSON: " + json.getOriginalMessage()
            : "the request body is missing or is not JSON";
    return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "malformed", detail));
  }

  /** Anything unforeseen: logged with its stack, answered without internals. */
  @ExceptionHandler(Exception.class)
  ProblemDetail unexpected(Exception e) {
    String incident = java.util.UUID.randomUUID().toString();
    logger.error("incident " + incident, e);
    ProblemDetail problem =
        problem(
            HttpStatus.INTERNAL_SERVER_ERROR,
            "internal",
            "an internal error occurred; nothing was accepted. Incident " + incident);
    problem.setProperty("incident", incident);
    return problem;
  }

  private static String quoted(Object value) {
    return value instanceof String ? "\"" + value + "\"" : String.valueOf(value);
  }

  private static String typeName(Class<?> type) {
    if (type == null) {
      return "another type";
    }
    if (type.isEnum()) {
      return "one of " + java.util.Arrays.toString(type.getEnumConstants());
    }
    return type.getSimpleName();
  }

  private static String path(JsonMappingException e) {
    return e.getPath().stream()
        .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
        .collect(Collectors.joining("."))
        .replace(".[", "[");
  }

  private static ProblemDetail invalidField(String field, String detail) {
    ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_ENTITY, "invalid", detail);
    if (field != null) {
      problem.setProperty("field", field);
    }
    return problem;
  }

  static ProblemDetail problem(HttpStatus status, String type, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(URI.create(TYPE_BASE + type));
    return problem;
  }
}
