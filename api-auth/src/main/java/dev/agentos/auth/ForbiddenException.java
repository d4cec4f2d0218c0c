package dev.agentos.auth;

/** A valid key asking for something outside its scopes. Answered with HTTP 403. */
public class ForbiddenException extends RuntimeException {

  public ForbiddenException(String message) {
    super(message);
  }
}
