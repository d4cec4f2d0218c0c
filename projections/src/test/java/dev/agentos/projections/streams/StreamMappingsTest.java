package dev.agentos.projections.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentos.readmodels.streams.EventStreams;
import dev.agentos.readmodels.streams.StreamMappings;
import dev.agentos.readmodels.streams.StreamTemplates;
import dev.agentos.schemas.topics.Topics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.Test;

class StreamMappingsTest {

  static final Path SHIPPED = Path.of("../deploy/kibana/index-templates");
  private static final ObjectMapper JSON = new ObjectMapper();

  private static Map<String, String> fieldsOf(String stream) {
    return MappedFields.of(
        JSON.valueToTree(StreamTemplates.all(new EventStreams("")).get("agentos-events-" + stream))
            .path("template")
            .path("mappings"));
  }

  @Test
  void executionFieldsAreFlatAndTyped() {
    assertThat(fieldsOf("executions"))
        .containsEntry("@timestamp", "date")
        .containsEntry("tenantId", "keyword")
        .containsEntry("sessionId", "keyword")
        .containsEntry("eventType", "keyword")
        .containsEntry("outcome", "keyword")
        .containsEntry("durationMs", "long")
        .containsEntry("exitCode", "integer")
        .containsEntry("timedOut", "boolean")
        .containsEntry("limits.cpuTimeMs", "long")
        .containsEntry("errorMessage", "text")
        .containsEntry("errorMessage.keyword", "keyword")
        .containsEntry("files", "flattened")
        .containsEntry("failedTestNames", "keyword")
        .doesNotContainKey("header.tenantId")
        .doesNotContainKey("occurredAt");
  }

  @Test
  void decimalsAreDoublesMapsFlattenedAndRecordArraysObjects() {
    assertThat(fieldsOf("derived-health"))
        .containsEntry("score", "double")
        .containsEntry("components", "flattened")
        .containsEntry("windowStart", "date");
    assertThat(fieldsOf("projects")).containsEntry("frameworks", "keyword");
    assertThat(fieldsOf("projects").keySet()).anyMatch(path -> path.startsWith("languages."));
    assertThat(fieldsOf("deadletters"))
        .containsEntry("value", "binary")
        .containsEntry("kafkaHeaders", "flattened")
        .containsEntry("reason", "text");
  }

  @Test
  void embeddingVectorsStayInSourceUnindexed() {
    JsonNode vector =
        JSON.valueToTree(StreamTemplates.mappings(Topics.MEMORY))
            .at("/properties/embedding/properties/vector");
    assertThat(vector.path("type").asText()).isEqualTo("float");
    assertThat(vector.path("index").asBoolean(true)).isFalse();
  }

  @Test
  void anEnumAndProseOfOneNameShareTextWithAKeyword() {
    // MemoryDeleted.reason is the ForgetReason enum, MemorySuperseded.reason free text.
    assertThat(fieldsOf("memory"))
        .containsEntry("reason", "text")
        .containsEntry("reason.keyword", "keyword");
  }

  @Test
  void twoTypesForOneFieldInOneStreamAreRefusedNamingIt() {
    Schema a = SchemaBuilder.record("A").fields().requiredInt("size").endRecord();
    Schema b = SchemaBuilder.record("B").fields().requiredString("size").endRecord();
    assertThatThrownBy(() -> StreamMappings.of("demo", List.of(a, b)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("stream demo")
        .hasMessageContaining("field size of B");
  }

  @Test
  void unionsOfTwoTypesAreRefused() {
    Schema odd =
        SchemaBuilder.record("Odd")
            .fields()
            .name("either")
            .type()
            .unionOf()
            .intType()
            .and()
            .stringType()
            .endUnion()
            .noDefault()
            .endRecord();
    assertThatThrownBy(() -> StreamMappings.of("demo", List.of(odd)))
        .hasMessageContaining("only [null, T] unions");
  }

  @Test
  void shippedTemplatesAreWhatTheSchemasGenerate() throws IOException {
    Map<String, Map<String, Object>> generated = StreamTemplates.all(new EventStreams(""));
    List<String> shipped;
    try (Stream<Path> files = Files.list(SHIPPED)) {
      shipped = files.map(file -> file.getFileName().toString()).sorted().toList();
    }
    assertThat(shipped)
        .as("regenerate with StreamTemplates.main (see deploy/kibana/README.md)")
        .containsExactlyInAnyOrderElementsOf(
            generated.keySet().stream().map(name -> name + ".json").toList());
    for (Map.Entry<String, Map<String, Object>> template : generated.entrySet()) {
      assertThat(JSON.readTree(SHIPPED.resolve(template.getKey() + ".json").toFile()))
          .as(template.getKey() + " differs from its schemas: regenerate it")
          .isEqualTo(JSON.valueToTree(template.getValue()));
    }
  }

  @Test
  void oneTemplatePerNonRawTopicAndNoPatternMatchesAnotherStreamsIndex() {
    EventStreams names = new EventStreams("");
    List<String> streams = EventStreams.topics().stream().map(EventStreams::streamOf).toList();
    assertThat(streams).hasSize(15).doesNotHaveDuplicates().contains("memory", "memory-access");
    for (String stream : streams) {
      String pattern = names.indexPattern(stream).replace("*", "");
      for (String other : streams) {
        assertThat(names.index(other).startsWith(pattern)).isEqualTo(other.equals(stream));
      }
    }
  }
}
