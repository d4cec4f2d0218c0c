package dev.agentos.readmodels.search;

/**
 * A search, graph or category request that cannot be run as asked. It names the request field that
 * is wrong, so an HTTP layer can answer 422 with that field instead of a stack trace.
 */
public final class InvalidQueryException extends IllegalArgumentException {

  private final String field;

  public InvalidQueryException(String field, String message) {
    super(field + ": " + message);
    this.field = field;
  }

  /** The request field that is wrong, as the API names it (e.g. {@code k}, {@code from}). */
  public String field() {
    return field;
  }

  static String required(String field, String value) {
    if (value == null || value.isBlank()) {
      throw new InvalidQueryException(field, "is required");
    }
    return value;
  }
}
