package dev.agentos.command;

/** A command on something that does not exist in the caller's tenant. Answered with HTTP 404. */
public class NotFoundException extends RuntimeException {

  public NotFoundException(String what) {
    super(what + " not found");
  }
}
