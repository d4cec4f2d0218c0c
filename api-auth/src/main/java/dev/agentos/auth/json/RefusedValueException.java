package dev.agentos.auth.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/**
 * A well-formed JSON value that breaks one of {@link StrictJson}'s rules; Jackson adds the path of
 * the field it was read for, and {@link JsonProblems} answers 422 naming it with {@link #reason}.
 */
public class RefusedValueException extends MismatchedInputException {

  private final String reason;

  RefusedValueException(JsonParser parser, String reason, Class<?> type) {
    super(parser, reason, type);
    this.reason = reason;
  }

  /** What is wrong with the value, in words a client understands. */
  public String reason() {
    return reason;
  }
}
