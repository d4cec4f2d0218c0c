package dev.agentos.schemas.topics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentos.events.common.EventHeader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

/** The rules every event schema follows (docs/architecture.md, "Events and topics"). */
class EventContractTest {

  @Test
  void everyEventOnATopicCarriesTheCommonHeader() {
    for (Topic<String, ?> topic : Topics.all()) {
      for (Class<?> event : topic.eventTypes()) {
        Schema.Field header = GeneratedRecords.schemaOf(event).getField("header");

        assertThat(header).as("%s.header", event.getName()).isNotNull();
        assertThat(header.schema()).as("%s.header", event.getName()).isEqualTo(EventHeader.SCHEMA$);
      }
    }
  }

  @Test
  void everyRecordIsAnEventOrPartOfOne() {
    // A record without a header that no event uses is most likely an event missing its header.
    Set<String> reachable = new HashSet<>();
    GeneratedRecords.events()
        .forEach(event -> collectNamed(GeneratedRecords.schemaOf(event), reachable));

    GeneratedRecords.all()
        .forEach(
            type ->
                assertThat(reachable)
                    .as("records reachable from events")
                    .contains(GeneratedRecords.schemaOf(type).getFullName()));
  }

  @Test
  void everyRecordEnumAndFieldHasADoc() {
    List<String> undocumented = new ArrayList<>();
    Set<Schema> seen = new HashSet<>();
    for (var type : GeneratedRecords.all()) {
      collectUndocumented(GeneratedRecords.schemaOf(type), seen, undocumented);
    }

    assertThat(seen).hasSizeGreaterThan(1);
    assertThat(undocumented).as("schemas and fields without a doc").isEmpty();
  }

  private static void collectUndocumented(Schema schema, Set<Schema> seen, List<String> out) {
    switch (schema.getType()) {
      case RECORD -> {
        if (!seen.add(schema)) {
          return;
        }
        requireDoc(schema.getDoc(), schema.getFullName(), out);
        for (Schema.Field field : schema.getFields()) {
          requireDoc(field.doc(), schema.getFullName() + "." + field.name(), out);
          collectUndocumented(field.schema(), seen, out);
        }
      }
      case ENUM -> requireDoc(schema.getDoc(), schema.getFullName(), out);
      case ARRAY -> collectUndocumented(schema.getElementType(), seen, out);
      case MAP -> collectUndocumented(schema.getValueType(), seen, out);
      case UNION -> schema.getTypes().forEach(branch -> collectUndocumented(branch, seen, out));
      default -> {}
    }
  }

  private static void requireDoc(String doc, String what, List<String> out) {
    if (doc == null || doc.isBlank()) {
      out.add(what);
    }
  }

  private static void collectNamed(Schema schema, Set<String> out) {
    switch (schema.getType()) {
      case RECORD -> {
        if (out.add(schema.getFullName())) {
          schema.getFields().forEach(field -> collectNamed(field.schema(), out));
        }
      }
      case ENUM, FIXED -> out.add(schema.getFullName());
      case ARRAY -> collectNamed(schema.getElementType(), out);
      case MAP -> collectNamed(schema.getValueType(), out);
      case UNION -> schema.getTypes().forEach(branch -> collectNamed(branch, out));
      default -> {}
    }
  }
}
