package dev.agentos.projections.replay;

import dev.agentos.auth.ProblemJsonHandler;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The admin endpoints' refusals as problem+json: the shared ones ({@link ProblemJsonHandler}: 401,
 * 403, 500) and the replay's own, 404 for a read model this application does not run and 503 for a
 * processor that would not stop.
 */
@RestControllerAdvice
class AdminProblemHandler extends ProblemJsonHandler {

  AdminProblemHandler() {
    super("an internal error occurred; a replay may or may not have started");
  }

  @ExceptionHandler(Replays.UnknownReadModel.class)
  ProblemDetail unknownReadModel(Replays.UnknownReadModel e) {
    return problem(HttpStatus.NOT_FOUND, "unknown-read-model", e.getMessage());
  }

  @ExceptionHandler(IllegalStateException.class)
  ProblemDetail replayFailed(IllegalStateException e) {
    return problem(HttpStatus.SERVICE_UNAVAILABLE, "replay-failed", e.getMessage());
  }
}
