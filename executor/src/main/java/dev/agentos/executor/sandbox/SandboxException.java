package dev.agentos.executor.sandbox;

/**
 * The sandbox could not be set up, started or cleaned up. A program that fails inside it is not an
 * exception: its {@link SandboxResult} says so.
 */
public class SandboxException extends RuntimeException {

  public SandboxException(String message) {
    super(message);
  }

  public SandboxException(String message, Throwable cause) {
    super(message, cause);
  }
}
