package dev.agentos.command.ingest;

import dev.agentos.schemas.topics.Topic;
import dev.agentos.schemas.topics.Topics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;

/**
 * The event types the gateway accepts: exactly those the RAW topics carry (interactions,
 * executions, metrics), so that every ingested event passes the dedup stage. Aggregate events
 * (memory, contexts, agents) are not ingested raw: they are decided by commands. A type is named by
 * its simple record name ({@code ToolCallRecorded}) or its full name ({@code
 * dev.agentos.events.interactions.ToolCallRecorded}).
 */
public final class RawEventTypes {

  private static final Map<String, Class<? extends SpecificRecord>> BY_NAME = index();

  private RawEventTypes() {}

  public static Optional<Class<? extends SpecificRecord>> named(String name) {
    return Optional.ofNullable(BY_NAME.get(name));
  }

  /** The simple names of every accepted type, in topic order, for error messages and docs. */
  public static List<String> names() {
    return Topics.raw().stream()
        .flatMap(topic -> topic.eventTypes().stream())
        .map(Class::getSimpleName)
        .toList();
  }

  private static Map<String, Class<? extends SpecificRecord>> index() {
    Map<String, Class<? extends SpecificRecord>> byName = new LinkedHashMap<>();
    for (Topic<String, ?> raw : Topics.raw()) {
      for (Class<? extends SpecificRecord> type : raw.eventTypes()) {
        byName.put(type.getSimpleName(), type);
        byName.put(type.getName(), type);
      }
    }
    return Map.copyOf(byName);
  }
}
