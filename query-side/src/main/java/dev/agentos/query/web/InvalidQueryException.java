package dev.agentos.query.web;

/** A query parameter the API cannot answer; {@code field} names it. Answered with HTTP 422. */
public class InvalidQueryException extends RuntimeException {

  private final String field;

  public InvalidQueryException(String field, String problem) {
    super(field + ": " + problem);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
