package dev.agentos.auth;

/** A request body, or a batch within it, over the configured limit. Answered with HTTP 413. */
public class PayloadTooLargeException extends RuntimeException {

  public PayloadTooLargeException(long limitBytes) {
    this("the request body is larger than the limit of " + limitBytes + " bytes");
  }

  public PayloadTooLargeException(String message) {
    super(message);
  }
}
