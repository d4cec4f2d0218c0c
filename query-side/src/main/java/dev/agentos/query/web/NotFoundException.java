package dev.agentos.query.web;

/**
 * Nothing with this id in the caller's tenant. Another tenant's item is answered the same way, so a
 * client cannot learn that an id exists elsewhere. Answered with HTTP 404.
 */
public class NotFoundException extends RuntimeException {

  public NotFoundException(String message) {
    super(message);
  }
}
