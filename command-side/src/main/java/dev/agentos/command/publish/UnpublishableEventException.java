package dev.agentos.command.publish;

/**
 * An event of the store that can never become a Kafka record as it is: its payload cannot be read,
 * is not an event of {@code schemas/}, has no topic or no key, or cannot be encoded. Retrying would
 * change nothing, so it goes to the dead-letter topic instead of blocking every event behind it.
 */
class UnpublishableEventException extends Exception {

  UnpublishableEventException(String reason, Throwable cause) {
    super(reason, cause);
  }
}
