package dev.agentos.auth.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.std.JsonNodeDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.node.NullNode;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;

/**
 * Reads a JSON tree (a body taken as {@link JsonNode}, e.g. raw ingest's batch) as Jackson does,
 * then applies {@link TextRules} to every text and field name in it, naming the path of the first
 * that breaks them.
 */
final class CheckedTreeDeserializer extends StdDeserializer<JsonNode> {

  private final JsonDeserializer<? extends JsonNode> standard =
      JsonNodeDeserializer.getDeserializer(JsonNode.class);

  CheckedTreeDeserializer() {
    super(JsonNode.class);
  }

  @Override
  public JsonNode deserialize(JsonParser parser, DeserializationContext context)
      throws IOException {
    JsonNode tree = standard.deserialize(parser, context);
    check(tree, parser);
    return tree;
  }

  @Override
  public JsonNode getNullValue(DeserializationContext context) {
    return NullNode.getInstance();
  }

  private static void check(JsonNode node, JsonParser parser) throws RefusedValueException {
    if (node.isTextual()) {
      refuseIfBroken(node.textValue(), parser);
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        try {
          check(node.get(i), parser);
        } catch (RefusedValueException e) {
          e.prependPath(node, i);
          throw e;
        }
      }
    } else if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
        Map.Entry<String, JsonNode> field = fields.next();
        try {
          refuseIfBroken(field.getKey(), parser);
          check(field.getValue(), parser);
        } catch (RefusedValueException e) {
          e.prependPath(node, field.getKey());
          throw e;
        }
      }
    }
  }

  private static void refuseIfBroken(String text, JsonParser parser) throws RefusedValueException {
    String violation = TextRules.violation(text);
    if (violation != null) {
      throw new RefusedValueException(parser, violation, String.class);
    }
  }
}
