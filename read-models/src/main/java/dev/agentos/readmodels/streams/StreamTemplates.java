package dev.agentos.readmodels.streams;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.agentos.schemas.topics.Topic;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;

/**
 * One composable index template per stream: its index pattern, the generated strict mapping and the
 * alias. The same templates are shipped in {@code deploy/kibana/index-templates/} (written by
 * {@link #main}; a test fails when they differ from what the schemas generate).
 */
public final class StreamTemplates {

  /** Above Elasticsearch's built-in templates (priority 100 and below for logs-*, metrics-*...). */
  static final int PRIORITY = 200;

  static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

  private StreamTemplates() {}

  /** Template name → {@code PUT _index_template} body, for every stream. */
  public static Map<String, Map<String, Object>> all(EventStreams names) {
    Map<String, Map<String, Object>> templates = new LinkedHashMap<>();
    for (Topic<String, ?> topic : EventStreams.topics()) {
      String stream = EventStreams.streamOf(topic);
      templates.put(names.template(stream), template(names, topic));
    }
    return templates;
  }

  /** The {@code mappings} of a stream's index, as in its template. */
  public static Map<String, Object> mappings(Topic<String, ?> topic) {
    List<Schema> schemas =
        topic.eventTypes().stream().map(type -> SpecificData.get().getSchema(type)).toList();
    return StreamMappings.of(EventStreams.streamOf(topic), schemas);
  }

  private static Map<String, Object> template(EventStreams names, Topic<String, ?> topic) {
    String stream = EventStreams.streamOf(topic);
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("number_of_shards", 1);
    Map<String, Object> inner = new LinkedHashMap<>();
    inner.put("settings", settings);
    inner.put("mappings", mappings(topic));
    inner.put("aliases", Map.of(names.alias(stream), Map.of()));
    Map<String, Object> meta = new LinkedHashMap<>();
    meta.put("topic", topic.name());
    meta.put("stream", stream);
    meta.put(
        "generated_by",
        StreamTemplates.class.getName() + " from the Avro schemas of the topic; do not edit");
    Map<String, Object> template = new LinkedHashMap<>();
    template.put("index_patterns", List.of(names.indexPattern(stream)));
    template.put("priority", PRIORITY);
    template.put("template", inner);
    template.put("_meta", meta);
    return template;
  }

  static String json(Object value) {
    try {
      return JSON.writeValueAsString(value) + "\n";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Regenerates {@code deploy/kibana/index-templates/} (argument: that folder). */
  public static void main(String[] args) throws IOException {
    Path folder = Path.of(args.length > 0 ? args[0] : "deploy/kibana/index-templates");
    Files.createDirectories(folder);
    for (Map.Entry<String, Map<String, Object>> entry : all(new EventStreams("")).entrySet()) {
      Files.writeString(folder.resolve(entry.getKey() + ".json"), json(entry.getValue()));
    }
  }
}
