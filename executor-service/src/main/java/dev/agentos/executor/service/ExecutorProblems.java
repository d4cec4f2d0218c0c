package dev.agentos.executor.service;

import dev.agentos.auth.ProblemJsonHandler;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The executor's refusals as problem+json, like the command and query sides'. */
@RestControllerAdvice
class ExecutorProblems extends ProblemJsonHandler {

  ExecutorProblems() {
    super("the executor failed to answer; nothing was changed");
  }

  @ExceptionHandler(RunNotHereException.class)
  ProblemDetail notHere(RunNotHereException e) {
    return problem(HttpStatus.NOT_FOUND, "not-found", e.getMessage());
  }

  /**
   * No run of the caller's with this id is running here or ended recently. Another tenant's or
   * project's run answers the same, so a client cannot learn that an id exists elsewhere.
   */
  static final class RunNotHereException extends RuntimeException {
    RunNotHereException(String executionId) {
      super(
          "no execution "
              + executionId
              + " is running here or ended recently; GET /v1/executions/"
              + executionId
              + " on the query API has its outcome");
    }
  }
}
