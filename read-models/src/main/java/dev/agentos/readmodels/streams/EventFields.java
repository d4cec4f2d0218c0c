package dev.agentos.readmodels.streams;

import java.util.List;
import java.util.Locale;

/** Names and rules shared by the mapping generator and the document flattener. */
public final class EventFields {

  /** The event's own record field that holds the common header. */
  public static final String HEADER = "header";

  /** The header field that becomes {@code @timestamp}. */
  public static final String OCCURRED_AT = "occurredAt";

  public static final String TIMESTAMP = "@timestamp";
  public static final String EVENT_ID = "eventId";

  /** The event's Avro record name, e.g. {@code ExecutionCompleted}. */
  public static final String EVENT_TYPE = "eventType";

  /** The stream the document belongs to, e.g. {@code executions}; lets one data view span all. */
  public static final String STREAM = "stream";

  /** Keywords longer than this are kept in _source but not indexed (Lucene's term limit). */
  public static final int IGNORE_ABOVE = 1024;

  /**
   * String fields whose name ends like these hold prose, code or output that people search word by
   * word: mapped as text, with a keyword sub-field for exact filters. Everything else that is a
   * string is an id or a name: keyword only.
   */
  private static final List<String> FREE_TEXT_ENDINGS =
      List.of(
          "content",
          "code",
          "rationale",
          "reason",
          "message",
          "excerpt",
          "description",
          "summary",
          "text",
          "json",
          "stdin");

  private EventFields() {}

  public static boolean isFreeText(String fieldName) {
    String name = fieldName.toLowerCase(Locale.ROOT);
    return FREE_TEXT_ENDINGS.stream().anyMatch(name::endsWith);
  }
}
