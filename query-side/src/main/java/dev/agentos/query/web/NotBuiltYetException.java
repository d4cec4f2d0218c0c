package dev.agentos.query.web;

/**
 * A documented part of the API that this build does not answer yet (e.g. {@code ?asOf=}): said
 * plainly with HTTP 501 rather than silently ignored or answered with something else.
 */
public class NotBuiltYetException extends RuntimeException {

  public NotBuiltYetException(String message) {
    super(message);
  }
}
