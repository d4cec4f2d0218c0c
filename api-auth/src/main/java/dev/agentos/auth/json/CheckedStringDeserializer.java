package dev.agentos.auth.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;

/**
 * Reads a text field only from a JSON string (never from a number or a boolean), refusing what
 * {@link TextRules} refuses; its {@link #KEYS} twin does the same for the keys of maps.
 */
final class CheckedStringDeserializer extends StdScalarDeserializer<String> {

  static final KeyDeserializer KEYS =
      new KeyDeserializer() {
        @Override
        public Object deserializeKey(String key, DeserializationContext context)
            throws IOException {
          return checked(key, context.getParser());
        }
      };

  CheckedStringDeserializer() {
    super(String.class);
  }

  @Override
  public LogicalType logicalType() {
    return LogicalType.Textual;
  }

  @Override
  public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
    if (!parser.hasToken(JsonToken.VALUE_STRING)) {
      return (String) context.handleUnexpectedToken(String.class, parser);
    }
    return checked(parser.getText(), parser);
  }

  private static String checked(String text, JsonParser parser) throws RefusedValueException {
    String violation = TextRules.violation(text);
    if (violation != null) {
      throw new RefusedValueException(parser, violation, String.class);
    }
    return text;
  }
}
