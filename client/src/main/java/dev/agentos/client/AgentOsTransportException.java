package dev.agentos.client;

/**
 * No answer came: the connection failed, timed out or the calling thread was interrupted (its
 * interrupt flag is set again). Whether the command took effect is unknown; commands with an id
 * chosen by the caller can be sent again and answer 409 if they did.
 */
public class AgentOsTransportException extends RuntimeException {

  public AgentOsTransportException(String request, Throwable cause) {
    super(request + " got no answer: " + cause, cause);
  }
}
