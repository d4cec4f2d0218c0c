package dev.agentos.schemas.registry;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Confluent's framing of a record value: magic byte 0, the writer schema's global id as 4 bytes
 * big-endian, then the Avro binary encoding. Any Confluent client reads what we write and the
 * reverse.
 */
public final class WireFormat {

  public static final byte MAGIC_BYTE = 0;
  public static final int HEADER_SIZE = 5;

  private WireFormat() {}

  /** Writes the magic byte and the schema id. */
  public static void writeHeader(ByteArrayOutputStream out, int schemaId) {
    out.write(MAGIC_BYTE);
    out.writeBytes(ByteBuffer.allocate(4).putInt(schemaId).array());
  }

  /** Reads the header, leaving {@code buffer} at the first byte of the Avro payload. */
  public static int readSchemaId(ByteBuffer buffer, String topic) {
    if (buffer.remaining() < HEADER_SIZE) {
      throw new SerializationException(
          "Record of topic '"
              + topic
              + "' has "
              + buffer.remaining()
              + " bytes, fewer than the 5-byte schema registry header (magic byte 0 + schema id)");
    }
    byte magic = buffer.get();
    if (magic != MAGIC_BYTE) {
      throw new SerializationException(
          "Record of topic '"
              + topic
              + "' starts with unknown magic byte "
              + magic
              + ": expected "
              + MAGIC_BYTE
              + " (Confluent wire format); it was not written by a schema registry serializer");
    }
    return buffer.getInt();
  }
}
