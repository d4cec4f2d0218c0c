package dev.agentos.readmodels.streams;

import dev.agentos.schemas.topics.Topic;
import dev.agentos.schemas.topics.TopicRole;
import dev.agentos.schemas.topics.Topics;
import java.util.List;

/**
 * Which topics the Kibana indices cover and what their indices are called.
 *
 * <p>Every topic but the raw ingest ones is a stream: canonical events, derived results and dead
 * letters (raw topics hold the same events as their canonical topic, duplicates included). A
 * stream's name is its topic's name without {@code agentos.} and the version, dots as dashes:
 * {@code agentos.memory.access.v1} is {@code memory-access}.
 *
 * <p>Documents go to the versioned index {@code agentos-events-<stream>-v1}; the index template
 * puts the alias {@code agentos-events-<stream>} on it, which Kibana's data views and every reader
 * use. A mapping change that adding fields cannot express is a new index version, filled by a
 * replay, and the alias moved.
 */
public final class EventStreams {

  public static final String PROCESSING_GROUP = "event-streams";
  static final String BASE = "agentos-events-";
  static final String VERSION = "v1";

  private final String prefix;

  /**
   * @param prefix put before every index, alias and template name; empty in production, random in
   *     tests so they never meet another run's indices
   */
  public EventStreams(String prefix) {
    this.prefix = prefix == null ? "" : prefix;
  }

  /** The topics indexed, in {@link Topics#all()} order. */
  public static List<Topic<String, ?>> topics() {
    return Topics.all().stream().filter(topic -> topic.role() != TopicRole.RAW).toList();
  }

  public static String streamOf(Topic<String, ?> topic) {
    String name = topic.name();
    return name.substring("agentos.".length(), name.lastIndexOf(".v")).replace('.', '-');
  }

  /** The stream an event type belongs to: the one non-raw topic that carries it. */
  public static String streamOf(Class<?> eventType) {
    List<Topic<String, ?>> carriers =
        topics().stream().filter(topic -> topic.carries(eventType)).toList();
    if (carriers.size() != 1) {
      throw new IllegalArgumentException(
          eventType.getName()
              + " must be carried by exactly one non-raw topic to have a stream, found "
              + carriers.stream().map(Topic::name).toList());
    }
    return streamOf(carriers.get(0));
  }

  /** What readers and Kibana use: {@code agentos-events-<stream>}. */
  public String alias(String stream) {
    return prefix + BASE + stream;
  }

  /** Where the projection writes: {@code agentos-events-<stream>-v1}. */
  public String index(String stream) {
    return alias(stream) + "-" + VERSION;
  }

  /** The index template's name is its alias's. */
  public String template(String stream) {
    return alias(stream);
  }

  /** Matches every version of the stream's index, and no other stream's. */
  public String indexPattern(String stream) {
    return alias(stream) + "-v*";
  }
}
