package dev.agentos.readmodels.paging;

/**
 * A client sent a paging cursor that is not one the query side handed out; the message says what is
 * wrong with it so the API can answer 422 with a reason instead of an empty or wrong page.
 */
public final class InvalidCursorException extends IllegalArgumentException {

  public InvalidCursorException(String problem) {
    super(problem);
  }
}
