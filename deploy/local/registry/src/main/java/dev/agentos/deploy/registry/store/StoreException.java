package dev.agentos.deploy.registry.store;

/** The log could not be read or did not confirm a write. */
public final class StoreException extends RuntimeException {

  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
