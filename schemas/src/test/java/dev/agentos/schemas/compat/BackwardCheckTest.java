package dev.agentos.schemas.compat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agentos.events.executions.ExecutionRequested;
import dev.agentos.events.interactions.ConversationTurnRecorded;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The evolution check rejects what breaks consumers, accepts what does not, and says where. */
class BackwardCheckTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Schema TURN = ConversationTurnRecorded.SCHEMA$;

  @Test
  void cannotAddARequiredFieldWithoutDefault() {
    Schema candidate = edit(TURN, record -> fields(record).add(field("sentiment", "string")));

    assertThat(BackwardCheck.violations(candidate, TURN))
        .singleElement()
        .asString()
        .contains("record dev.agentos.events.interactions.ConversationTurnRecorded")
        .contains("field sentiment")
        .contains("READER_FIELD_MISSING_DEFAULT_VALUE");
  }

  @Test
  void cannotChangeAFieldType() {
    Schema candidate = edit(TURN, record -> fieldNamed(record, "turnIndex").put("type", "string"));

    assertThat(BackwardCheck.violations(candidate, TURN))
        .singleElement()
        .asString()
        .contains("ConversationTurnRecorded field turnIndex")
        .contains("TYPE_MISMATCH");
  }

  @Test
  void namesTheNestedRecordAndFieldPath() {
    Schema requested = ExecutionRequested.SCHEMA$;
    Schema candidate =
        edit(
            requested,
            record ->
                fields((ObjectNode) fieldNamed(record, "limits").get("type"))
                    .insert(0, field("gpuMs", "long")));

    assertThat(BackwardCheck.violations(candidate, requested))
        .singleElement()
        .asString()
        .contains("ExecutionRequested field limits.gpuMs")
        .contains("in record dev.agentos.events.executions.ExecutionLimits");
  }

  @Test
  void canAddAFieldWithADefault() {
    Schema candidate =
        edit(
            TURN,
            record -> fields(record).add(field("sentiment", "string").put("default", "neutral")));

    assertThat(BackwardCheck.violations(candidate, TURN)).isEmpty();
  }

  @Test
  void canWidenIntToLongAndDropAField() {
    Schema candidate =
        edit(
            TURN,
            record -> {
              fieldNamed(record, "turnIndex").put("type", "long");
              fields(record).remove(indexOf(record, "metadata"));
            });

    assertThat(BackwardCheck.violations(candidate, TURN)).isEmpty();
  }

  @Test
  void writtenBaselinesReadBackAsTheSameSchema(@TempDir Path folder) throws IOException {
    SchemaBaselines baselines = new SchemaBaselines(folder);
    Schema changed = edit(TURN, record -> fields(record).add(field("x", "int").put("default", 0)));

    baselines.addVersion(TURN);
    baselines.addVersion(changed);

    assertThat(baselines.versions(TURN.getFullName())).containsExactly(TURN, changed);
    assertThat(baselines.recordNames()).containsExactly(TURN.getFullName());
  }

  private static Schema edit(Schema schema, Consumer<ObjectNode> change) {
    try {
      ObjectNode record = (ObjectNode) JSON.readTree(schema.toString());
      change.accept(record);
      return new Schema.Parser().parse(JSON.writeValueAsString(record));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ObjectNode field(String name, String type) {
    return JSON.createObjectNode().put("name", name).put("type", type).put("doc", "test");
  }

  private static ArrayNode fields(ObjectNode record) {
    return (ArrayNode) record.get("fields");
  }

  private static ObjectNode fieldNamed(ObjectNode record, String name) {
    return (ObjectNode) fields(record).get(indexOf(record, name));
  }

  private static int indexOf(ObjectNode record, String name) {
    List<String> names = fields(record).valueStream().map(f -> f.get("name").asText()).toList();
    return names.indexOf(name);
  }
}
