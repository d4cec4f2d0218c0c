package dev.agentos.schemas.registry;

import org.apache.avro.Schema;

/**
 * Subject of a record: {@code <topic>-<record full name>}, as Confluent's {@code
 * TopicRecordNameStrategy}. A topic carries every event type of its stream, so each type evolves
 * under its own subject and compatibility is checked per type, not across the whole topic.
 */
public final class TopicRecordNameStrategy {

  private TopicRecordNameStrategy() {}

  public static String subject(String topic, Schema schema) {
    return topic + "-" + schema.getFullName();
  }
}
