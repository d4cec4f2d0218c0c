package dev.agentos.command;

import dev.agentos.auth.PayloadTooLargeException;
import java.util.Locale;

/**
 * A command that would store an event too large to be published as one Kafka record. Answered with
 * HTTP 413 naming the event, the item it is of, and its largest field; nothing is stored. In a
 * batch the item's id tells which command it was: events are checked when the batch commits.
 */
public class EventTooLargeException extends PayloadTooLargeException {

  private final String field;

  /**
   * @param event what would be stored, e.g. {@code MemoryStored event of m-1}
   */
  public EventTooLargeException(
      String event, long size, long limit, String largestField, long largestFieldSize) {
    super(
        String.format(
            Locale.ROOT,
            "the %s this request would store is %,d bytes once encoded, over the limit of"
                + " %,d bytes; its largest field is %s (%,d bytes): make it smaller",
            event,
            size,
            limit,
            largestField,
            largestFieldSize));
    this.field = largestField;
  }

  /** The event's largest field, named as in the event schema (e.g. {@code metadata}). */
  public String field() {
    return field;
  }
}
