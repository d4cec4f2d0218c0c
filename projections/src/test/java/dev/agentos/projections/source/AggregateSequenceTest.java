package dev.agentos.projections.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;

class AggregateSequenceTest {

  @Test
  void theSequenceComesFromTheAggregateSequenceHeader() {
    assertThat(AggregateSequence.of(message(Map.of(header(), bytes("7"))))).isEqualTo(7L);
  }

  @Test
  void aRecordWithoutTheHeaderIsRefusedNamingTheRecord() {
    assertThatThrownBy(() -> AggregateSequence.of(message(Map.of())))
        .isInstanceOf(UnprocessableRecordException.class)
        .hasMessageContaining("agentos.memory.v1/3@42")
        .hasMessageContaining("no agentos.aggregate-sequence header");
  }

  @Test
  void aHeaderThatIsNotANumberIsRefused() {
    assertThatThrownBy(() -> AggregateSequence.of(message(Map.of(header(), bytes("seven")))))
        .isInstanceOf(UnprocessableRecordException.class)
        .hasMessageContaining("'seven', not a number");
  }

  private static String header() {
    return AggregateSequence.HEADER;
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static EventMessage<?> message(Map<String, byte[]> headers) {
    KafkaRecordOrigin origin =
        new KafkaRecordOrigin("agentos.memory.v1", 3, 42, "memory-1", new byte[0], headers);
    return new GenericEventMessage<>(
        "payload", MetaData.with(KafkaRecordOrigin.METADATA_KEY, origin));
  }
}
