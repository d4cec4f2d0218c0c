package dev.agentos.auth;

/** A request without a valid API key. Answered with HTTP 401. */
public class UnauthenticatedException extends RuntimeException {

  public UnauthenticatedException(String message) {
    super(message);
  }
}
