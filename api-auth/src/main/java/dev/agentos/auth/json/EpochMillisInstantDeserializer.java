package dev.agentos.auth.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import java.io.IOException;
import java.time.Instant;

/**
 * Reads an instant as Jackson's Java-time module does, and refuses one that an event cannot hold:
 * events keep instants as milliseconds since 1970 in a 64-bit number (about 292 million years
 * either way), while ISO-8601 text reaches a billion years.
 */
final class EpochMillisInstantDeserializer extends StdScalarDeserializer<Instant> {

  EpochMillisInstantDeserializer() {
    super(Instant.class);
  }

  @Override
  public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
    Instant instant = InstantDeserializer.INSTANT.deserialize(parser, context);
    try {
      instant.toEpochMilli();
    } catch (ArithmeticException tooFar) {
      throw new RefusedValueException(
          parser,
          "is out of range: an instant must lie within 292 million years of 1970",
          Instant.class);
    }
    return instant;
  }
}
