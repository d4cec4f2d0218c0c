package dev.agentos.command.web;

/** A request body over the configured limit. Answered with HTTP 413. */
public class PayloadTooLargeException extends RuntimeException {

  public PayloadTooLargeException(long limitBytes) {
    super("the request body is larger than the limit of " + limitBytes + " bytes");
  }
}
