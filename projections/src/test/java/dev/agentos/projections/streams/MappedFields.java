package dev.agentos.projections.streams;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The leaf fields of an Elasticsearch mapping as dotted path → type, multi-fields included ({@code
 * errorMessage.keyword}). Object fields are not leaves.
 */
final class MappedFields {

  private MappedFields() {}

  /** {@code mappings} as Elasticsearch returns it or as a template holds it. */
  static Map<String, String> of(JsonNode mappings) {
    Map<String, String> fields = new LinkedHashMap<>();
    collect("", mappings.path("properties"), fields);
    return fields;
  }

  private static void collect(String prefix, JsonNode properties, Map<String, String> fields) {
    Iterator<Map.Entry<String, JsonNode>> entries = properties.fields();
    while (entries.hasNext()) {
      Map.Entry<String, JsonNode> entry = entries.next();
      String path = prefix + entry.getKey();
      JsonNode field = entry.getValue();
      if (field.has("properties")) {
        collect(path + ".", field.get("properties"), fields);
        continue;
      }
      fields.put(path, field.path("type").asText("object"));
      field
          .path("fields")
          .fields()
          .forEachRemaining(
              sub -> fields.put(path + "." + sub.getKey(), sub.getValue().path("type").asText()));
    }
  }
}
