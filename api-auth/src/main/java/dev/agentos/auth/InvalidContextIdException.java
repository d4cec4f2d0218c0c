package dev.agentos.auth;

/**
 * A session or trace id ({@link ContextIds}) that is no id; {@code field} names the header or path
 * variable. Answered with HTTP 422.
 */
public class InvalidContextIdException extends RuntimeException {

  private final String field;

  public InvalidContextIdException(String field, String rule) {
    super(field + ": " + rule);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
