package dev.agentos.projections.streams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every field the shipped Kibana saved objects use, with what they need of it, checked against
 * mappings: data views' time field and field attributes; visualisations' aggregation fields,
 * filters and queries; saved searches' columns, sort, filters and queries. Also that every
 * reference points at an object in the file.
 */
final class SavedObjectFields {

  static final Path SHIPPED = Path.of("../deploy/kibana/saved-objects.ndjson");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String INDEX_REF = "kibanaSavedObjectMeta.searchSourceJSON.index";

  /** A KQL {@code field : value} clause; the field is what stands before the colon. */
  private static final Pattern KQL_FIELD = Pattern.compile("([A-Za-z@][\\w.@]*)\\s*:");

  enum Need {
    DATE,
    NUMBER,
    /** terms, sort: a keyword, number, date or boolean, not text or binary. */
    AGGREGATABLE,
    /** filters and queries: anything indexed. */
    SEARCHABLE,
    EXISTS
  }

  record Use(String objectId, String dataViewTitle, String field, Need need) {}

  private final List<JsonNode> objects;
  private final Map<String, JsonNode> byId = new HashMap<>();

  SavedObjectFields(List<JsonNode> objects) {
    this.objects = objects;
    objects.forEach(object -> byId.put(object.path("id").asText(), object));
  }

  static SavedObjectFields shipped() {
    try {
      List<JsonNode> objects = new ArrayList<>();
      for (String line : Files.readAllLines(SHIPPED)) {
        if (!line.isBlank()) {
          objects.add(JSON.readTree(line));
        }
      }
      return new SavedObjectFields(objects);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  List<JsonNode> objects() {
    return objects;
  }

  /** References naming an object that is not in the file. */
  List<String> danglingReferences() {
    List<String> dangling = new ArrayList<>();
    for (JsonNode object : objects) {
      for (JsonNode reference : object.path("references")) {
        JsonNode target = byId.get(reference.path("id").asText());
        if (target == null
            || !target.path("type").asText().equals(reference.path("type").asText())) {
          dangling.add(object.path("id").asText() + " → " + reference);
        }
      }
    }
    return dangling;
  }

  List<Use> uses() {
    List<Use> uses = new ArrayList<>();
    for (JsonNode object : objects) {
      String id = object.path("id").asText();
      JsonNode attributes = object.path("attributes");
      switch (object.path("type").asText()) {
        case "index-pattern" -> {
          String title = attributes.path("title").asText();
          uses.add(new Use(id, title, attributes.path("timeFieldName").asText(), Need.DATE));
          parse(attributes.path("fieldAttrs").asText("{}"))
              .fieldNames()
              .forEachRemaining(field -> uses.add(new Use(id, title, field, Need.EXISTS)));
          for (JsonNode field : parse(attributes.path("fields").asText("[]"))) {
            uses.add(new Use(id, title, field.path("name").asText(), Need.EXISTS));
          }
        }
        case "visualization" -> {
          String title = dataViewTitle(object);
          for (JsonNode agg : parse(attributes.path("visState").asText()).path("aggs")) {
            String field = agg.path("params").path("field").asText("");
            if (!field.isEmpty()) {
              uses.add(new Use(id, title, field, needOf(agg.path("type").asText())));
            }
          }
          searchSource(id, title, attributes, uses);
        }
        case "search" -> {
          String title = dataViewTitle(object);
          attributes
              .path("columns")
              .forEach(column -> uses.add(new Use(id, title, column.asText(), Need.EXISTS)));
          attributes
              .path("sort")
              .forEach(
                  sort -> uses.add(new Use(id, title, sort.get(0).asText(), Need.AGGREGATABLE)));
          searchSource(id, title, attributes, uses);
        }
        default -> {}
      }
    }
    return uses;
  }

  private void searchSource(String id, String title, JsonNode attributes, List<Use> uses) {
    JsonNode source =
        parse(attributes.path("kibanaSavedObjectMeta").path("searchSourceJSON").asText("{}"));
    for (JsonNode filter : source.path("filter")) {
      uses.add(new Use(id, title, filter.path("meta").path("key").asText(), Need.SEARCHABLE));
      filter
          .path("query")
          .path("match_phrase")
          .fieldNames()
          .forEachRemaining(field -> uses.add(new Use(id, title, field, Need.SEARCHABLE)));
    }
    Matcher kql = KQL_FIELD.matcher(source.path("query").path("query").asText(""));
    while (kql.find()) {
      uses.add(new Use(id, title, kql.group(1), Need.SEARCHABLE));
    }
  }

  private String dataViewTitle(JsonNode object) {
    for (JsonNode reference : object.path("references")) {
      if (reference.path("name").asText().equals(INDEX_REF)) {
        JsonNode view = byId.get(reference.path("id").asText());
        if (view != null) {
          return view.path("attributes").path("title").asText();
        }
      }
    }
    throw new AssertionError(object.path("id").asText() + " names no data view of the file");
  }

  private static Need needOf(String aggregation) {
    return switch (aggregation) {
      case "date_histogram" -> Need.DATE;
      case "avg", "sum", "min", "max", "median", "percentiles", "std_dev" -> Need.NUMBER;
      default -> Need.AGGREGATABLE;
    };
  }

  /**
   * What is wrong with each use, given the leaf fields (path → type) of every index a data view
   * title matches: the field must be in each of them, with a type that serves the use.
   */
  static List<String> problems(
      List<Use> uses, Function<String, List<Map<String, String>>> indicesOfTitle) {
    List<String> problems = new ArrayList<>();
    for (Use use : uses) {
      List<Map<String, String>> indices = indicesOfTitle.apply(use.dataViewTitle());
      if (indices.isEmpty()) {
        problems.add(use + ": the data view matches no index");
      }
      for (Map<String, String> fields : indices) {
        String type = fields.get(use.field());
        if (type == null) {
          problems.add(use + ": no such field");
        } else if (!serves(type, use.need())) {
          problems.add(use + ": mapped as " + type);
        }
      }
    }
    return problems;
  }

  private static final Set<String> NUMBERS =
      new HashSet<>(List.of("long", "integer", "short", "byte", "double", "float", "half_float"));

  private static boolean serves(String type, Need need) {
    return switch (need) {
      case DATE -> type.equals("date") || type.equals("date_nanos");
      case NUMBER -> NUMBERS.contains(type);
      case AGGREGATABLE ->
          NUMBERS.contains(type) || Set.of("keyword", "date", "boolean", "ip").contains(type);
      case SEARCHABLE -> !type.equals("binary") && !type.equals("object");
      case EXISTS -> true;
    };
  }

  private static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException("not JSON: " + json, e);
    }
  }
}
