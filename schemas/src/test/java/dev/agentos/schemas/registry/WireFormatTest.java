package dev.agentos.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class WireFormatTest {

  @Test
  void headerIsMagicByteZeroThenBigEndianId() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    WireFormat.writeHeader(out, 0x01020304);
    assertThat(out.toByteArray()).containsExactly(0, 1, 2, 3, 4);
  }

  @Test
  void readsTheIdAndLeavesThePayload() {
    ByteBuffer buffer = ByteBuffer.wrap(new byte[] {0, 0, 0, 1, 7, 42});
    assertThat(WireFormat.readSchemaId(buffer, "t")).isEqualTo(263);
    assertThat(buffer.remaining()).isEqualTo(1);
    assertThat(buffer.get()).isEqualTo((byte) 42);
  }

  @Test
  void refusesAnUnknownMagicByte() {
    assertThatThrownBy(
            () -> WireFormat.readSchemaId(ByteBuffer.wrap(new byte[] {1, 0, 0, 0, 1}), "t"))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("unknown magic byte 1")
        .hasMessageContaining("topic 't'");
  }

  @Test
  void refusesARecordShorterThanTheHeader() {
    assertThatThrownBy(() -> WireFormat.readSchemaId(ByteBuffer.wrap(new byte[] {0, 0}), "t"))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("2 bytes");
  }
}
