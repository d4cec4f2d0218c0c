package dev.agentos.command;

import dev.agentos.command.web.PayloadTooLargeException;
import java.util.Locale;

/**
 * A command that would store an event too large to be published as one Kafka record. Answered with
 * HTTP 413 naming the event and its largest field; nothing is stored.
 */
public class EventTooLargeException extends PayloadTooLargeException {

  private final String field;

  public EventTooLargeException(
      String eventType, long size, long limit, String largestField, long largestFieldSize) {
    this(
        largestField,
        String.format(
            Locale.ROOT,
            "the %s event this request would store is %,d bytes once encoded, over the limit of"
                + " %,d bytes; its largest field is %s (%,d bytes): make it smaller",
            eventType,
            size,
            limit,
            largestField,
            largestFieldSize));
  }

  private EventTooLargeException(String field, String message) {
    super(message);
    this.field = field;
  }

  /** The same refusal for the command at {@code path} of a batch, e.g. {@code memories[3]}. */
  public EventTooLargeException within(String path) {
    return new EventTooLargeException(path + "." + field, path + ": " + getMessage());
  }

  /** The event's largest field, named as in the event schema (e.g. {@code metadata}). */
  public String field() {
    return field;
  }
}
