package dev.agentos.schemas.deadletters;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentos.events.common.EventHeader;
import dev.agentos.events.deadletters.RecordDeadLettered;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeadLetterCopyTest {

  @Test
  void canKeepASmallRecordWhole() {
    RecordDeadLettered letter =
        copy("refused", "key-1", new byte[] {1, 2, 3}, Map.of("h", new byte[] {9}));

    assertThat(letter.getReason()).isEqualTo("refused");
    assertThat(letter.getValue().array()).containsExactly(1, 2, 3);
    assertThat(letter.getKey()).isEqualTo(ByteBuffer.wrap("key-1".getBytes()));
    assertThat(letter.getKafkaHeaders().get("h").array()).containsExactly(9);
  }

  @Test
  void canCutARecordNearTheLimitAndSayWhatWasCut() {
    Map<String, byte[]> headers = new LinkedHashMap<>();
    headers.put("big", new byte[300_000]);
    headers.put("n".repeat(1000), new byte[10]);
    for (int i = 0; i < 100; i++) {
      headers.put("h" + i, new byte[2_000]);
    }

    RecordDeadLettered letter =
        copy("x".repeat(100_000), "k".repeat(10_000), new byte[1_000_000], headers);

    assertThat(letter.getValue().remaining()).isEqualTo(DeadLetterCopy.MAX_VALUE_BYTES);
    assertThat(letter.getKey().remaining()).isEqualTo(DeadLetterCopy.MAX_KEY_BYTES);
    assertThat(letter.getKafkaHeaders()).hasSize(DeadLetterCopy.MAX_HEADERS);
    assertThat(letter.getKafkaHeaders().get("big").remaining())
        .isEqualTo(DeadLetterCopy.MAX_HEADER_VALUE_BYTES);
    assertThat(letter.getKafkaHeaders().keySet())
        .allMatch(name -> name.length() <= DeadLetterCopy.MAX_HEADER_NAME_CHARS);
    assertThat(letter.getReason().substring(3000))
        .as("the end of the reason")
        .contains("(reason 100000 chars, cut)");
    assertThat(letter.getReason())
        .hasSize(DeadLetterCopy.MAX_REASON_CHARS)
        .startsWith("xxx")
        .contains(DeadLetterCopy.TRUNCATED)
        .contains("value 1000000 bytes to 65536")
        .contains("key 10000 bytes to 4096")
        .contains("header values to 1024 bytes: big 300000, h0 2000, h1 2000, ")
        .contains(" and 55 more")
        .contains("1 header name(s) to 256 chars")
        .contains("38 of 102 headers left out")
        .endsWith("]");
  }

  private static RecordDeadLettered copy(
      String reason, String key, byte[] value, Map<String, byte[]> headers) {
    RecordDeadLettered.Builder letter =
        RecordDeadLettered.newBuilder()
            .setHeader(
                EventHeader.newBuilder()
                    .setEventId("e")
                    .setOccurredAt(Instant.EPOCH)
                    .setTenantId("")
                    .setProjectId("")
                    .setAgentId("")
                    .setSource("test")
                    .build())
            .setSourceTopic("t")
            .setSourcePartition(0)
            .setSourceOffset(0)
            .setStage("test");
    return DeadLetterCopy.copy(letter, reason, key, value, headers).build();
  }
}
