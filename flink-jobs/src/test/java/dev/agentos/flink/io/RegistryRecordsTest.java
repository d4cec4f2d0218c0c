package dev.agentos.flink.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentos.events.deadletters.RecordDeadLettered;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.types.Either;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** No registry answers here: the port is closed, which is what an outage looks like. */
class RegistryRecordsTest {

  private final RegistryRecords<String> records =
      new RegistryRecords<>(
          "http://127.0.0.1:1", "test-job", (event, position) -> List.of("mapped"), Types.STRING);
  private final Collected out = new Collected();

  @BeforeEach
  void open() {
    records.open(null);
  }

  @Test
  void aRecordNotInTheWireFormatBecomesADeadLetterNamingItsPosition() throws IOException {
    records.deserialize(record("not avro".getBytes(StandardCharsets.UTF_8)), out);

    assertThat(out.values).singleElement().satisfies(value -> assertThat(value.isLeft()).isTrue());
    RecordDeadLettered letter = out.values.get(0).left();
    assertThat(letter.getStage()).isEqualTo("test-job");
    assertThat(letter.getSourceTopic()).isEqualTo("agentos.executions.v1");
    assertThat(letter.getSourcePartition()).isEqualTo(3);
    assertThat(letter.getSourceOffset()).isEqualTo(42);
    assertThat(letter.getReason()).startsWith("cannot read agentos.executions.v1/3@42: ");
    assertThat(letter.getValue().array()).isEqualTo("not avro".getBytes(StandardCharsets.UTF_8));
    assertThat(letter.getHeader().getOccurredAt().toEpochMilli()).isEqualTo(1_700_000_000_000L);
  }

  @Test
  void theSameRecordSetAsideTwiceMakesTheSameLetter() throws IOException {
    records.deserialize(record(new byte[] {9, 9}), out);
    records.deserialize(record(new byte[] {9, 9}), out);

    assertThat(out.values.get(0).left()).isEqualTo(out.values.get(1).left());
  }

  @Test
  void aSilentRegistryFailsTheReadInsteadOfDroppingTheRecord() {
    byte[] wellFormed = ByteBuffer.allocate(6).put((byte) 0).putInt(7).put((byte) 2).array();

    assertThatThrownBy(() -> records.deserialize(record(wellFormed), out))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("schema registry did not answer")
        .hasMessageContaining("agentos.executions.v1/3@42");
    assertThat(out.values).isEmpty();
  }

  @Test
  void aTombstoneIsSkipped() throws IOException {
    records.deserialize(record(null), out);
    assertThat(out.values).isEmpty();
  }

  private static ConsumerRecord<byte[], byte[]> record(byte[] value) {
    return new ConsumerRecord<>(
        "agentos.executions.v1",
        3,
        42,
        1_700_000_000_000L,
        org.apache.kafka.common.record.TimestampType.CREATE_TIME,
        0,
        value == null ? 0 : value.length,
        "key".getBytes(StandardCharsets.UTF_8),
        value,
        new org.apache.kafka.common.header.internals.RecordHeaders(),
        java.util.Optional.empty());
  }

  private static final class Collected implements Collector<Either<RecordDeadLettered, String>> {
    final List<Either<RecordDeadLettered, String>> values = new ArrayList<>();

    @Override
    public void collect(Either<RecordDeadLettered, String> value) {
      values.add(value);
    }

    @Override
    public void close() {}
  }
}
