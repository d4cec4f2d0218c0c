package dev.agentos.command;

/**
 * A command whose content is wrong whatever the state: a blank field, a value out of range, a
 * reference to something unknown in the caller's tenant. Answered with HTTP 422 naming the field.
 *
 * @see #field()
 */
public class InvalidCommandException extends RuntimeException {

  private final String field;

  public InvalidCommandException(String field, String reason) {
    super(field + ": " + reason);
    this.field = field;
  }

  /** The path of the offending field in the request, e.g. {@code embedding.vector}. */
  public String field() {
    return field;
  }
}
