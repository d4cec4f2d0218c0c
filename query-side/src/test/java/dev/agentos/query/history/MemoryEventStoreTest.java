package dev.agentos.query.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentos.events.memory.MemoryStored;
import java.nio.ByteBuffer;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Payloads in Avro's single-object encoding, which Axon's AvroSerializer stores for our events. */
class MemoryEventStoreTest {

  private final MemoryStored stored =
      new MemoryEvents("t1", "m1").stored(Instant.parse("2026-01-01T00:00:00Z"), "hello");

  private static byte[] bytes(ByteBuffer buffer) {
    byte[] bytes = new byte[buffer.remaining()];
    buffer.get(bytes);
    return bytes;
  }

  @Test
  void aSingleObjectEncodedPayloadDecodesToTheEvent() throws Exception {
    new MemoryEventStore(null);
    byte[] payload = bytes(stored.toByteBuffer());

    assertThat(payload[0]).as("single-object marker C3 01").isEqualTo((byte) 0xC3);
    assertThat(MemoryEventStore.decode(0, MemoryStored.class.getName(), payload, "m1"))
        .isEqualTo(stored);
  }

  @Test
  void aPayloadTypeAMemoryDoesNotHaveIsRefusedByName() {
    assertThatThrownBy(
            () -> MemoryEventStore.decode(3, "dev.agentos.events.Other", new byte[0], "m1"))
        .hasMessageContaining("dev.agentos.events.Other")
        .hasMessageContaining("sequence 3")
        .hasMessageContaining("memory m1");
  }

  @Test
  void aCorruptPayloadNamesTheMemoryAndSequence() {
    assertThatThrownBy(
            () -> MemoryEventStore.decode(2, MemoryStored.class.getName(), new byte[] {1, 2}, "m7"))
        .hasMessageContaining("sequence 2 of memory m7");
  }
}
