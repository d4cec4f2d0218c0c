package dev.agentos.client;

import java.util.Optional;

/**
 * An AgentOS API answered with a status other than the call's success: the status, the problem+json
 * details when the body is one, and the body as sent, so nothing of the refusal is lost.
 */
public class AgentOsApiException extends RuntimeException {

  private final String request;
  private final int status;
  private final Problem problem;
  private final String body;

  public AgentOsApiException(String request, int status, Problem problem, String body) {
    super(
        request
            + " answered "
            + status
            + ": "
            + (problem != null && problem.detail() != null
                ? problem.detail() + (problem.field() == null ? "" : " (" + problem.field() + ")")
                : body));
    this.request = request;
    this.status = status;
    this.problem = problem;
    this.body = body;
  }

  /** The request that was refused, as {@code METHOD path}. */
  public String request() {
    return request;
  }

  public int status() {
    return status;
  }

  /** The problem+json details; empty when the body was not one (e.g. a proxy's HTML page). */
  public Optional<Problem> problem() {
    return Optional.ofNullable(problem);
  }

  /** The field a 422 names, if any. */
  public Optional<String> field() {
    return problem().map(Problem::field);
  }

  /** The detail of the problem, if any. */
  public Optional<String> detail() {
    return problem().map(Problem::detail);
  }

  /** The body exactly as answered. */
  public String body() {
    return body;
  }

  /** Unknown, another tenant's or another project's item: the APIs answer all of them alike. */
  public boolean isNotFound() {
    return status == 404;
  }
}
